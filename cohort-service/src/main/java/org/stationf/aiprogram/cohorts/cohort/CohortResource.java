package org.stationf.aiprogram.cohorts.cohort;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/cohorts")
@Tag(name = "Cohorts", description = "A cohort per edition: dates, capacity, place, lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class CohortResource {

    @Inject
    CohortService cohorts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCohort", summary = "Create a cohort (PLANNED)", description = "Defaults: five places, Station F in Paris, "
            + "the Europe/Paris time zone, and offers valid for seven days (at most 90).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CohortView.class)),
            headers = @Header(name = "Location", description = "The new cohort: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid cohort", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The call already has a cohort of that name, case aside (cohort-exists, its cohortId given): "
            + "a creation sent twice makes one cohort", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CohortRequest request) {
        CohortView created = cohorts.create(request);
        return Response.created(URI.create("/cohorts/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "listCohorts", summary = "List cohorts", description = "Every edition's cohort, the latest start first, "
            + "with its status and how many places are taken; narrowed to one call's, or to those in one status (e.g. RUNNING), when asked.")
    @APIResponse(responseCode = "200", description = "The cohorts, the latest start first")
    @APIResponse(responseCode = "400", description = "A callId that is not a UUID, or an unknown status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CohortView> list(
            @Parameter(description = "Only the cohorts selecting from this call", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("callId") String callId,
            @Parameter(description = "Only the cohorts in this status", schema = @Schema(implementation = CohortStatus.class)) @QueryParam("status") String status) {
        return cohorts.list(QueryParams.uuidOf("callId", callId), QueryParams.enumOf("status", status, CohortStatus.class));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "getCohort", summary = "Read a cohort", description = "Its dates, place, capacity and status, "
            + "and how many places pending or accepted offers hold.")
    @APIResponse(responseCode = "200", description = "The cohort")
    @APIResponse(responseCode = "404", description = "No such cohort", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CohortView get(@PathParam("id") UUID id) {
        return cohorts.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCohort", summary = "Edit a cohort", description = "Send the whole cohort with the version you read. A capacity raised before the start offers the new places "
            + "to the first on the waitlist at once, as a declined offer's place is; `placesTaken` in the answer counts them. The call it selects "
            + "from changes only while it is PLANNED.")
    @APIResponse(responseCode = "200", description = "The cohort")
    @APIResponse(responseCode = "409", description = "Stale version, completed, capacity below places taken, a name another cohort of the call has "
            + "(cohort-exists), or another call once selection has opened (cohort-call-fixed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public CohortView update(@PathParam("id") UUID id, @Valid @NotNull CohortRequest request) {
        return cohorts.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "discardCohort", summary = "Discard a planned cohort", description = "For a cohort made by mistake (the wrong call, "
            + "a mistyped name): its draft calendar and milestones go with it, and resources-service drops its resource package (event "
            + "CohortDiscarded). Once selection has opened, a cohort stays for the record.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "409", description = "Not planned any more (cohort-not-planned, with currentStatus)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void discard(@PathParam("id") UUID id) {
        cohorts.discard(id);
    }

    @POST
    @Path("/{id}/open-selection")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "openSelection", summary = "PLANNED → SELECTING", description = "Winners can be selected and waitlisted.")
    @APIResponse(responseCode = "200", description = "The cohort, selecting")
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public CohortView openSelection(@PathParam("id") UUID id) {
        return cohorts.openSelection(id);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "startCohort", summary = "SELECTING → RUNNING", description = "The program starts; places freed from now on stay free, so the waitlist closes: each candidate on it "
            + "becomes NOT_SELECTED (event CandidateNotSelected). When no other cohort of the call is left to select from, so do the "
            + "candidates never offered a place nor waitlisted, and any shortlisted later. Offers still pending can be accepted until they expire.")
    @APIResponse(responseCode = "200", description = "The cohort, running")
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public CohortView start(@PathParam("id") UUID id) {
        return cohorts.start(id);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "completeCohort", summary = "RUNNING → COMPLETED", description = "Members graduate (or are marked not completed) and their partner "
            + "resources end. Happens by itself once the end date has passed.")
    @APIResponse(responseCode = "200", description = "The cohort, completed")
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public CohortView complete(@PathParam("id") UUID id) {
        return cohorts.complete(id);
    }
}
