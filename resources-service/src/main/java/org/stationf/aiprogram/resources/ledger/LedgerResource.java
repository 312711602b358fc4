package org.stationf.aiprogram.resources.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemResponses;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/grants/{grantId}")
@Tag(name = "Usage and ledger", description = "Partners report usage; every change is an append-only ledger entry")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @Inject
    UsageService usage;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @POST
    @Path("/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "reportUsage", summary = "Report usage of a grant", description = "Debits the grant. Send a unique Idempotency-Key per report and "
            + "reuse it when retrying: the same key and body return the first answer (header Idempotent-Replayed: true) and change "
            + "nothing; the same key with another body is a 422. Keys are remembered for 30 days by default (the deployment's "
            + "IDEMPOTENCY_KEYS_KEPT_FOR); a report retried later counts as a new one. A debit larger than the balance is refused with the balance named. "
            + "A refusal is kept with its key too, and names it (idempotencyKey): once its cause is gone (the grant activated, a "
            + "correction made), report again with a new key.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = "Unique per usage report, at most 200 characters",
            example = "scw-usage-2024-03-org-7f3c2a")
    @APIResponse(responseCode = "201", description = "Debited", content = @Content(schema = @Schema(implementation = UsageReceipt.class)),
            headers = @Header(name = "Location", description = "The debit's ledger entry: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Insufficient balance (balance and unit named) or grant not active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such grant for this caller")
    public Response report(@PathParam("grantId") UUID grantId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull UsageReport report, @Context ContainerRequestContext request) {
        UsageService.Outcome outcome = usage.report(grantId, idempotencyKey, report, refusal -> {
            try {
                return json.writeValueAsString(ProblemResponses.problem(refusal, request));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        int status = outcome.answer().status();
        Response.ResponseBuilder answer = Response.status(status)
                .type(status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(outcome.answer().body())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()));
        if (outcome.entryId() != null) {
            answer.location(entryLocation(grantId, outcome.entryId()));
        }
        return answer.build();
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "correctUsage", summary = "Correct reported usage", description = "Gives back usage with a compensating credit entry; the ledger is never edited.")
    @APIResponse(responseCode = "201", description = "Credited", content = @Content(schema = @Schema(implementation = UsageReceipt.class)),
            headers = @Header(name = "Location", description = "The credit's ledger entry: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such grant for this caller")
    @APIResponse(responseCode = "409", description = "The grant is revoked or expired, or the correction gives back more than was used")
    public Response correct(@PathParam("grantId") UUID grantId, @Valid @NotNull Correction correction) {
        UsageReceipt receipt = usage.correct(grantId, correction);
        return Response.created(entryLocation(grantId, receipt.entry().id())).entity(receipt).build();
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getLedger", summary = "A grant's ledger", description = "Its entries, with who and why, oldest first, up to limit at a time; "
            + "the balance equals the sum of all of them. To read on, or to pick up only what is new since the last reading, "
            + "pass the last entry id seen as after (nextAfter says it while more follow).")
    @APIResponse(responseCode = "200", description = "A page of entries, the balance and the sum of every entry")
    @APIResponse(responseCode = "400", description = "A bad after or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such grant for this caller")
    public LedgerView ledger(@PathParam("grantId") UUID grantId,
                             @Parameter(description = "Only entries after this entry id (0: from the first)", example = "4711",
                                     schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0")) @QueryParam("after") String after,
                             @Parameter(description = "At most this many entries, 1-1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1000"))
                             @QueryParam("limit") String limit) {
        return usage.ledgerOf(grantId, QueryParams.longOf("after", after, 0, 0, Long.MAX_VALUE),
                QueryParams.intOf("limit", limit, 1000, 1, 1000));
    }

    @GET
    @Path("/ledger/{entryId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getLedgerEntry", summary = "One ledger entry", description = "An entry of a grant's ledger, where a usage report's "
            + "or a correction's Location points; seen by those who see the grant's ledger.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No such grant for this caller, or no such entry in its ledger")
    public LedgerView.Entry entry(@PathParam("grantId") UUID grantId,
                                  @Parameter(description = "The ledger entry's id", example = "4711") @PathParam("entryId") long entryId) {
        return usage.entryOf(grantId, entryId);
    }

    private static URI entryLocation(UUID grantId, long entryId) {
        return URI.create("/grants/" + grantId + "/ledger/" + entryId);
    }
}
