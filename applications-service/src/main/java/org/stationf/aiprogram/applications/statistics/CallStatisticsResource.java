package org.stationf.aiprogram.applications.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/calls/{callId}/statistics")
@Tag(name = "Calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallStatisticsResource {

    @Inject
    CallStatisticsService statistics;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getCallStatistics", summary = "Where a call stands", description = "Applications by status; those in the running "
            + "(submitted, not withdrawn) by eligibility, country, stage and open model; reviews assigned and scored, and per reviewer, those "
            + "with the most still to score first. For the program's dashboard and the partners' reporting.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = CallStatistics.class)))
    @APIResponse(responseCode = "404", description = "No such call")
    public CallStatistics get(@PathParam("callId") UUID callId) {
        return statistics.of(callId);
    }
}
