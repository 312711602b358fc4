package org.stationf.aiprogram.cohorts.milestone;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/cohorts/{cohortId}/milestones")
@Tag(name = "Milestones", description = "Objectives per member, status updates, admin comments and progress")
@Produces(MediaType.APPLICATION_JSON)
public class CohortMilestonesResource {

    @Inject
    MilestoneService milestones;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "defineMilestone", summary = "Set a milestone for every member of the cohort", description = "Members present and "
            + "future each report on it, NOT_STARTED until they do.")
    @APIResponse(responseCode = "201", description = "The milestone, now on every member's list",
            content = @Content(schema = @Schema(implementation = MilestoneService.MilestoneView.class)),
            headers = @Header(name = "Location", description = "The milestone: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    @APIResponse(responseCode = "409", description = "The cohort has completed (problem type cohort-completed, with completedAt): its milestones are the record of what members achieved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response define(@PathParam("cohortId") UUID cohortId, @Valid @NotNull MilestoneService.MilestoneRequest request) {
        MilestoneService.MilestoneView created = milestones.define(cohortId, request);
        return Response.created(URI.create("/cohorts/" + cohortId + "/milestones/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{milestoneId}")
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getCohortMilestone", summary = "One of the cohort's milestones", description = "With the version an edit sends "
            + "back. For admins and the cohort's member startups, like the list.")
    @APIResponse(responseCode = "200", description = "The milestone")
    @APIResponse(responseCode = "404", description = "No such cohort or milestone, or not one of your cohort's")
    public MilestoneService.MilestoneView get(@PathParam("cohortId") UUID cohortId, @PathParam("milestoneId") UUID milestoneId) {
        return milestones.ofCohort(cohortId, milestoneId);
    }

    @PUT
    @Path("/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateMilestone", summary = "Edit a milestone", description = "Its title, description or due date, sent whole with "
            + "the version you read; members' statuses, updates and comments on it stay.")
    @APIResponse(responseCode = "200", description = "The milestone")
    @APIResponse(responseCode = "404", description = "No such cohort or milestone")
    @APIResponse(responseCode = "409", description = "A stale version, or the cohort has completed (cohort-completed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MilestoneService.MilestoneView edit(@PathParam("cohortId") UUID cohortId, @PathParam("milestoneId") UUID milestoneId,
                                               @Valid @NotNull MilestoneService.MilestoneRequest request) {
        return milestones.edit(cohortId, milestoneId, request);
    }

    @DELETE
    @Path("/{milestoneId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeMilestone", summary = "Remove a milestone set by mistake", description = "Only while no member has reported "
            + "on it; after that, edit it instead, so no member's report is lost.")
    @APIResponse(responseCode = "204", description = "Removed from every member's list")
    @APIResponse(responseCode = "404", description = "No such cohort or milestone")
    @APIResponse(responseCode = "409", description = "A member has reported on it (problem type milestone-reported), or the cohort has completed (cohort-completed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void remove(@PathParam("cohortId") UUID cohortId, @PathParam("milestoneId") UUID milestoneId) {
        milestones.remove(cohortId, milestoneId);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listCohortMilestones", summary = "The cohort's milestones", description = "By due date. For admins and the "
            + "cohort's member startups; to any other startup the cohort's milestones do not exist (404).")
    @APIResponse(responseCode = "200", description = "The milestones")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<MilestoneService.MilestoneView> ofCohort(@PathParam("cohortId") UUID cohortId) {
        return milestones.ofCohort(cohortId);
    }

    @GET
    @Path("/progress")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getMilestoneProgress", summary = "Progress of every member", description = "Milestones done, overdue and by status.")
    @APIResponse(responseCode = "200", description = "Each member's progress")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<MilestoneService.MemberProgress> progress(@PathParam("cohortId") UUID cohortId) {
        return milestones.progress(cohortId);
    }
}
