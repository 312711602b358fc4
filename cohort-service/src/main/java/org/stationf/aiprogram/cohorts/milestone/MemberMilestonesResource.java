package org.stationf.aiprogram.cohorts.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/members/{memberId}/milestones")
@Tag(name = "Milestones")
@Produces(MediaType.APPLICATION_JSON)
public class MemberMilestonesResource {

    @Inject
    MilestoneService milestones;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listMemberMilestones", summary = "A member's milestones and where it stands", description = "Every milestone of its cohort, "
            + "NOT_STARTED until the member reports on it, with its update, the admins' comment and whether it is overdue. For admins and the "
            + "member's own startup; to any other startup the member does not exist (404).")
    @APIResponse(responseCode = "200", description = "The member's milestones")
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    public List<MilestoneService.MemberMilestoneView> ofMember(@PathParam("memberId") UUID memberId) {
        return milestones.ofMember(memberId);
    }

    @PUT
    @Path("/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "updateMilestoneStatus", summary = "Update a member's status on a milestone", description = "The member's startup "
            + "(or an admin) reports its status and what it did; the admins' comment stays.")
    @APIResponse(responseCode = "200", description = "The member's milestone")
    @APIResponse(responseCode = "404", description = "No such member for this caller, or no such milestone")
    @APIResponse(responseCode = "409", description = "The member has left the program (problem type not-enrolled), or the cohort has completed (cohort-completed, with completedAt): reports are closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MilestoneService.MemberMilestoneView update(@PathParam("memberId") UUID memberId, @PathParam("milestoneId") UUID milestoneId,
                                                       @Valid @NotNull MilestoneService.MilestoneUpdate update) {
        return milestones.update(memberId, milestoneId, update);
    }

    @PUT
    @Path("/{milestoneId}/comment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "commentOnMilestone", summary = "Comment on a member's milestone", description = "Replaces the admins' comment; "
            + "the member's status and update stay.")
    @APIResponse(responseCode = "200", description = "The member's milestone with the comment")
    @APIResponse(responseCode = "404", description = "No such member for this caller, or no such milestone")
    @APIResponse(responseCode = "409", description = "The member has left the program (problem type not-enrolled), or the cohort has completed (cohort-completed, with completedAt): comments are closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MilestoneService.MemberMilestoneView comment(@PathParam("memberId") UUID memberId, @PathParam("milestoneId") UUID milestoneId,
                                                        @Valid @NotNull MilestoneService.MilestoneComment comment) {
        return milestones.comment(memberId, milestoneId, comment);
    }
}
