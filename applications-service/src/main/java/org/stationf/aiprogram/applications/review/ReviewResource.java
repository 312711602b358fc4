package org.stationf.aiprogram.applications.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/reviews")
@Tag(name = "Reviews", description = "A reviewer's scores of an assigned application")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "listReviews", summary = "List reviews", description = "A reviewer sees its own assignments; admins see all. "
            + "Oldest assignment first; filters combine.")
    @APIResponse(responseCode = "200", description = "One page, with the total count")
    @APIResponse(responseCode = "400", description = "A bad filter or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ReviewView> list(@Parameter(description = "Only this call's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("callId") String callId,
                                 @Parameter(description = "Only this application's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("applicationId") String applicationId,
                                 @Parameter(description = "Only scored (true) or still to score (false)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("complete") String complete,
                                 @BeanParam PageRequest pageRequest) {
        return reviews.list(new ReviewService.Filter(QueryParams.uuidOf("callId", callId), QueryParams.uuidOf("applicationId", applicationId),
                        QueryParams.booleanOf("complete", complete, null)),
                pageRequest.page(), pageRequest.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "getReview", summary = "Read a review", description = "A reviewer reads its own reviews, admins every one; "
            + "to another reviewer a review does not exist (404).")
    @APIResponse(responseCode = "200", description = "The review")
    @APIResponse(responseCode = "404", description = "No such review for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView get(@PathParam("id") UUID id) {
        return reviews.get(id);
    }

    @PUT
    @Path("/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "saveReviewScores", summary = "Save scores", description = "Score each rubric criterion on the call's scale with a comment. "
            + "Save and edit as often as needed until the review window closes; then the review is final.")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A score out of the scale or an unknown criterion", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The review window is closed (review-window-closed), or you have since declared a "
            + "conflict of interest with the application (conflict-of-interest)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such review for this caller")
    public ReviewView save(@PathParam("id") UUID id, @Valid @NotNull ScoresRequest request) {
        return reviews.save(id, request);
    }
}
