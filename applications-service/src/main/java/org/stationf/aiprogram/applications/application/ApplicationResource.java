package org.stationf.aiprogram.applications.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;
import org.stationf.aiprogram.applications.eligibility.EligibilityOverride;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/applications")
@Tag(name = "Applications", description = "A startup's application to a call: draft, submit, withdraw, history")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationQuery query;

    @Inject
    DuplicateFinder duplicates;

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "listApplications", summary = "List applications", description = "An applicant sees its own, a reviewer those assigned to it, admins all. "
            + "Filters combine; sort takes comma-separated fields (submittedAt, createdAt, updatedAt, companyName, country, status, stage), - for descending.")
    @APIResponse(responseCode = "200", description = "One page, with the total count")
    @APIResponse(responseCode = "400", description = "A bad filter, sort or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ApplicationView> list(
            @Parameter(description = "Only this call's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("callId") String callId,
            @Parameter(description = "Only this status", schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only this eligibility outcome (set at submission): NEEDS_REVIEW lists those a human must check",
                    schema = @Schema(implementation = EligibilityOutcome.class)) @QueryParam("eligibility") String eligibility,
            @Parameter(description = "ISO 3166-1 alpha-2 country code (case-insensitive)", schema = @Schema(type = SchemaType.STRING, pattern = "[A-Za-z]{2}"), example = "FR") @QueryParam("country") String country,
            @Parameter(description = "Open model name prefix, case-insensitive", example = "llama") @QueryParam("model") String model,
            @Parameter(description = "Stage", schema = @Schema(implementation = Stage.class)) @QueryParam("stage") String stage,
            @Parameter(description = "Company name containing this text, case-insensitive", example = "garden") @QueryParam("company") String company,
            @Parameter(description = "Sort order: fields separated by commas, each prefixed with - for descending, among "
                    + "submittedAt, createdAt, updatedAt, companyName, country, status and stage (drafts, never submitted, come last "
                    + "by submittedAt); -submittedAt when absent; ties in id order, so pages never overlap", example = "-submittedAt,companyName") @QueryParam("sort") String sort,
            @BeanParam PageRequest pageRequest) {
        ApplicationQuery.Filter filter = new ApplicationQuery.Filter(QueryParams.uuidOf("callId", callId),
                QueryParams.enumOf("status", status, ApplicationStatus.class),
                QueryParams.enumOf("eligibility", eligibility, EligibilityOutcome.class), country, model, QueryParams.enumOf("stage", stage, Stage.class), company);
        return query.list(filter, sort, pageRequest.page(), pageRequest.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "createApplication", summary = "Start a draft application", description = "One live application per startup account per call.")
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(schema = @Schema(implementation = ApplicationView.class)),
            headers = @Header(name = "Location", description = "The new application: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already applied to this call, or the call is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ApplicationRequest request) {
        ApplicationView created = applications.create(request);
        return Response.created(URI.create("/applications/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/duplicates")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listSuspectedDuplicates", summary = "Suspected duplicates of a call", description = "Pairs from different accounts with the same registration "
            + "number, normalized company name, a founder email or website domain in common.")
    @APIResponse(responseCode = "200", description = "The suspected pairs, each with what they share")
    @APIResponse(responseCode = "400", description = "No callId, or one that is not a UUID")
    public List<DuplicateFinder.SuspectedDuplicate> duplicates(@Parameter(description = "The call", required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("callId") String callId) {
        UUID call = QueryParams.uuidOf("callId", callId);
        if (call == null) {
            throw org.stationf.aiprogram.api.ProblemException.invalid("callId", "is required");
        }
        return duplicates.find(call);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "getApplication", summary = "Read an application", description = "Its applicant, an assigned reviewer or an admin; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The application", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "updateApplication", summary = "Edit a draft", description = "Send the whole draft with the version you read; a concurrent edit makes one of you get 409.")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Stale version, not a draft, or the call closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public ApplicationView update(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequest request) {
        return applications.update(id, request);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "submitApplication", summary = "Submit a draft", description = "Checks completeness, refuses duplicates and anything after the call's "
            + "deadline (by the server's clock, in the call's time zone), then runs the eligibility rules.")
    @APIResponse(responseCode = "200", description = "Submitted, with its eligibility", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Deadline passed (the problem names it), duplicate, or not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Incomplete: each missing field is listed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public ApplicationView submit(@PathParam("id") UUID id) {
        return applications.submit(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application", description = "Possible until a final outcome. "
            + "The reviews assigned on it and not yet scored go with it; those scored stay for the record.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Too late to withdraw", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public ApplicationView withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request) {
        return applications.withdraw(id, request);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.ADMIN})
    @Operation(operationId = "getApplicationHistory", summary = "An application's history", description = "Every status change: who, when, from, to, why.")
    @APIResponse(responseCode = "200", description = "Every status change, oldest first")
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return applications.history(id);
    }

    @POST
    @Path("/{id}/eligibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "overrideEligibility", summary = "Override eligibility", description = "An admin's outcome replaces the rules', with a reason kept on the application. "
            + "Only eligible applications are reviewed: another outcome withdraws its reviews not yet scored (scored ones stay); "
            + "made eligible, it gets reviewers at the next assignment.")
    @APIResponse(responseCode = "200", description = "The application with its overridden eligibility")
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    @APIResponse(responseCode = "409", description = "The application is not submitted (a draft, withdrawn, or already shortlisted or rejected), "
            + "or it is on the unpublished shortlist and the outcome is INELIGIBLE (`shortlisted`: remove its decision first)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView overrideEligibility(@PathParam("id") UUID id, @Valid @NotNull EligibilityOverride request) {
        return applications.overrideEligibility(id, request);
    }
}
