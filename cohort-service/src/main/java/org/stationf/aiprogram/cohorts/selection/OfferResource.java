package org.stationf.aiprogram.cohorts.selection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.cohorts.candidate.Contact;

import java.util.List;
import java.util.UUID;

@Path("/offers")
@Tag(name = "Offers", description = "A startup's offer of a place: accept (and enroll) or decline")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    @Schema(name = "Acceptance", description = "The team contacts the cohort should know; the founders from the application if omitted")
    public record Acceptance(@Size(max = 20) List<@Valid @NotNull Contact> contacts) {
    }

    @Schema(name = "Refusal")
    public record Refusal(@Schema(example = "We raised a round and will focus on our customers") @NotBlank @Size(max = 2000) String reason) {
    }

    @Inject
    SelectionService selections;

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.ADMIN})
    @Operation(operationId = "listOffers", summary = "List offers", description = "A startup sees its own; admins all, or one cohort's.")
    @APIResponse(responseCode = "200", description = "The offers this caller may see")
    @APIResponse(responseCode = "400", description = "The cohortId is not a UUID")
    public List<SelectionView> list(@Parameter(description = "Only this cohort's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("cohortId") String cohortId) {
        return selections.offers(QueryParams.uuidOf("cohortId", cohortId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.ADMIN})
    @Operation(operationId = "getOffer", summary = "Read an offer", description = "A startup reads its own offers, admins every one; "
            + "to any other startup an offer does not exist (404).")
    @APIResponse(responseCode = "200", description = "The offer")
    @APIResponse(responseCode = "404", description = "No such offer for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SelectionView get(@PathParam("id") UUID id) {
        return selections.offer(id);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "acceptOffer", summary = "Accept an offer", description = "The startup becomes a member of the cohort, with its team contacts.")
    @APIResponse(responseCode = "200", description = "Accepted and enrolled", content = @Content(schema = @Schema(implementation = SelectionView.class)))
    @APIResponse(responseCode = "409", description = "The offer is no longer open, has expired, or its cohort has completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such offer for this caller")
    public SelectionView accept(@PathParam("id") UUID id, @Valid Acceptance acceptance) {
        return selections.accept(id, acceptance == null ? null : acceptance.contacts());
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "declineOffer", summary = "Decline an offer", description = "The place goes to the next on the waitlist.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = SelectionView.class)))
    @APIResponse(responseCode = "409", description = "The offer is no longer open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such offer for this caller")
    public SelectionView decline(@PathParam("id") UUID id, @Valid @NotNull Refusal refusal) {
        return selections.decline(id, refusal.reason());
    }
}
