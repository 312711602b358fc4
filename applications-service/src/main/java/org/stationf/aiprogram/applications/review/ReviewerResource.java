package org.stationf.aiprogram.applications.review;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

import java.net.URI;
import java.util.UUID;

@Path("/reviewers")
@Tag(name = "Reviewers", description = "People who score applications, with their conflicts of interest")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewerResource {

    @Inject
    ReviewerService reviewers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerReviewer", summary = "Register a reviewer", description = "Including partner staff from Meta, Hugging Face and Scaleway. "
            + "Conflicted companies and domains are never assigned to them.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ReviewerView.class)),
            headers = @Header(name = "Location", description = "The new reviewer: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Account already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull ReviewerRequest request) {
        ReviewerView created = reviewers.register(request);
        return Response.created(URI.create("/reviewers/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listReviewers", summary = "List reviewers", description = "The registered reviewers, active or not, by name, "
            + "with their conflicts of interest and assigned reviews, a page at a time; an organization's only, or only active or "
            + "inactive ones, when asked.")
    @APIResponse(responseCode = "200", description = "One page of reviewers, with the total count")
    @APIResponse(responseCode = "400", description = "A bad active flag or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ReviewerView> list(
            @Parameter(description = "Only this organization's reviewers, in any case", example = "HUGGING_FACE") @QueryParam("organization") String organization,
            @Parameter(description = "Only reviewers still taking assignments (true) or deactivated ones (false)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest pageRequest) {
        return reviewers.list(organization, QueryParams.booleanOf("active", active, null),
                pageRequest.page(), pageRequest.size());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "getCurrentReviewer", summary = "The calling reviewer", description = "The reviewer registered for the token's "
            + "account: what a reviewer's screen starts from.")
    @APIResponse(responseCode = "200", description = "The reviewer")
    @APIResponse(responseCode = "404", description = "No reviewer is registered for this account yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewerView me() {
        return reviewers.me();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(operationId = "getReviewer", summary = "Read a reviewer", description = "Admins read any reviewer; a reviewer only itself.")
    @APIResponse(responseCode = "200", description = "The reviewer")
    @APIResponse(responseCode = "404", description = "No such reviewer")
    public ReviewerView get(@PathParam("id") UUID id) {
        return reviewers.get(id);
    }

    @PUT
    @Path("/{id}/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setReviewerConflicts", summary = "Replace a reviewer's conflicts of interest", description = "Applies to future assignments, "
            + "and at once to the reviewer's reviews of the applications it now conflicts with: they show recused, take no more scores "
            + "and count nowhere in the ranking; the next assignment run withdraws the unscored ones and gives each application another reviewer.")
    @APIResponse(responseCode = "200", description = "The reviewer with its new conflicts")
    @APIResponse(responseCode = "404", description = "No such reviewer")
    public ReviewerView conflicts(@PathParam("id") UUID id, @Valid @NotNull Conflicts conflicts) {
        return reviewers.updateConflicts(id, conflicts);
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deactivateReviewer", summary = "Stop assigning a reviewer", description = "Existing reviews stay.")
    @APIResponse(responseCode = "200", description = "The reviewer, no longer assigned")
    @APIResponse(responseCode = "404", description = "No such reviewer")
    public ReviewerView deactivate(@PathParam("id") UUID id) {
        return reviewers.setActive(id, false);
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "activateReviewer", summary = "Assign a reviewer again", description = "Undoes a deactivation: the next "
            + "assignment run may give the reviewer applications again.")
    @APIResponse(responseCode = "200", description = "The reviewer, assigned again")
    @APIResponse(responseCode = "404", description = "No such reviewer")
    public ReviewerView activate(@PathParam("id") UUID id) {
        return reviewers.setActive(id, true);
    }
}
