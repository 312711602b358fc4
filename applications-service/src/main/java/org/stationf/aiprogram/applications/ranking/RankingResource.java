package org.stationf.aiprogram.applications.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/calls/{callId}/ranking")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    @Inject
    RankingService ranking;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rankApplications", summary = "Rank a call's applications", description = RankingService.METHOD)
    @APIResponse(responseCode = "200", description = "The ranking, best first, with each application's spread and the tie-breaks used")
    @APIResponse(responseCode = "404", description = "No such call")
    public RankingView rank(@PathParam("callId") UUID callId) {
        return ranking.rank(callId);
    }
}
