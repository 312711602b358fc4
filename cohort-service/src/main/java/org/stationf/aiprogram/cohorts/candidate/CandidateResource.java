package org.stationf.aiprogram.cohorts.candidate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/candidates")
@Tag(name = "Candidates", description = "Shortlisted applications that may be selected into a cohort")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CandidateResource {

    @Inject
    CandidateService candidates;

    @GET
    @Operation(operationId = "listCandidates", summary = "List candidates", description = "Shortlisted applications, best ranked first when a call is given, "
            + "each with where it stands: its offer or waitlist place and what became of it, or none while it is still free to pick")
    @APIResponse(responseCode = "200", description = "The candidates")
    @APIResponse(responseCode = "400", description = "The callId is not a UUID")
    public List<CandidateView> list(@Parameter(description = "Only this call's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("callId") String callId) {
        return candidates.list(QueryParams.uuidOf("callId", callId));
    }

    @GET
    @Path("/{applicationId}")
    @Operation(operationId = "getCandidate", summary = "Read a candidate", description = "A shortlisted application, by its id in "
            + "applications-service, with its rank, normalized score and selection; once the startup withdraws, withdrawnAt is set and it cannot be selected.")
    @APIResponse(responseCode = "200", description = "The candidate", content = @Content(schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "404", description = "No such candidate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CandidateView get(@PathParam("applicationId") UUID applicationId) {
        return candidates.get(applicationId);
    }
}
