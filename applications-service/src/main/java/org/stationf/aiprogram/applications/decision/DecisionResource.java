package org.stationf.aiprogram.applications.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.applications.application.ApplicationService;
import org.stationf.aiprogram.applications.application.ApplicationView;

import java.util.UUID;

@Path("/applications/{id}/decision")
@Tag(name = "Decisions", description = "Shortlist or reject, reversible until published")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    ApplicationService applications;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideApplication", summary = "Shortlist or reject a submitted application", description = "Private until the call's decisions are published; can be changed or removed until then.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Already published, not submitted, or ineligible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public ApplicationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        decisions.decide(id, request);
        return applications.get(id);
    }

    @DELETE
    @Operation(operationId = "removeDecision", summary = "Remove an unpublished decision", description = "The application is undecided again, "
            + "as it was after submission; the founders never saw the decision. Once the call's decisions are published, a decision stays.")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Already published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such application for this caller")
    public ApplicationView reverse(@PathParam("id") UUID id) {
        decisions.reverse(id);
        return applications.get(id);
    }
}
