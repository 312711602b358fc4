package org.stationf.aiprogram.applications.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.applications.review.AssignmentService;
import org.stationf.aiprogram.applications.review.ReviewerView;

import java.util.List;

import java.util.UUID;

/** A call's review process as a whole: assigning reviewers and publishing decisions. */
@Path("/calls/{callId}")
@Tag(name = "Review", description = "Assigning reviewers, ranking and publishing a call's decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CallReviewResource {

    @Inject
    AssignmentService assignments;

    @Inject
    DecisionService decisions;

    @PUT
    @Path("/reviewers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setReviewCommittee", summary = "Set the call's review committee", description = "The reviewers this call's applications are assigned to. Existing assignments stay.")
    @APIResponse(responseCode = "200", description = "The committee")
    @APIResponse(responseCode = "404", description = "No such call")
    public List<ReviewerView> setCommittee(@PathParam("callId") UUID callId, @Valid @NotNull Committee committee) {
        return assignments.setCommittee(callId, committee.reviewerIds());
    }

    @GET
    @Path("/reviewers")
    @Operation(operationId = "getReviewCommittee", summary = "The call's review committee", description = "The reviewers assignment draws from "
            + "for this call, deactivated ones included (they keep their reviews but get no new ones).")
    @APIResponse(responseCode = "200", description = "The committee")
    @APIResponse(responseCode = "404", description = "No such call")
    public List<ReviewerView> committee(@PathParam("callId") UUID callId) {
        return assignments.committee(callId).stream().map(ReviewerView::of).toList();
    }

    @Schema(name = "Committee")
    public record Committee(@Schema(example = "[\"4b8e2f9a-6c1d-4e7b-9f3a-2d5c8e1b7a64\"]") @NotNull @Size(max = 500) List<@NotNull UUID> reviewerIds) {
    }

    @POST
    @Path("/assignments")
    @Operation(operationId = "assignReviewers", summary = "Assign reviewers", description = "Gives each eligible submitted application the call's number of "
            + "reviewers, least loaded first, never a conflicted one. Rerun it freely: it only fills what is missing. A review whose reviewer "
            + "has since declared a conflict with the application is given to another reviewer: withdrawn if unscored, kept for the record "
            + "if scored (the ranking leaves it out).")
    @APIResponse(responseCode = "200", description = "What was assigned and withdrawn, and the applications left short of reviewers")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "The call is not published, or has no active reviewers")
    public AssignmentService.AssignmentReport assign(@PathParam("callId") UUID callId) {
        return assignments.assign(callId);
    }

    @POST
    @Path("/decisions/publish")
    @Operation(operationId = "publishDecisions", summary = "Publish the call's decisions", description = "Every decided, unpublished application becomes "
            + "SHORTLISTED or REJECTED; applicants see it and ApplicationShortlisted / ApplicationRejected events go out. Final.")
    @APIResponse(responseCode = "200", description = "How many decisions were published")
    @APIResponse(responseCode = "404", description = "No such call")
    public PublicationReport publish(@PathParam("callId") UUID callId) {
        return decisions.publish(callId);
    }
}
