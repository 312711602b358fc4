package org.stationf.aiprogram.applications.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.CsvReports;
import org.stationf.aiprogram.api.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/calls/{callId}/ranking")
@Tag(name = "Review")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    // One operation in the OpenAPI document, whichever of the two methods its text is taken from.
    private static final String SUMMARY = "Rank a call's applications";
    private static final String ANSWER = "The ranking, best first, with each application's spread and the tie-breaks used; as text/csv (Accept), a "
            + "spreadsheet for the selection committee: a header line, then one RFC 4180 line per ranked application (those not yet scored are "
            + "listed in the JSON answer only)";

    private static final List<String> CSV_COLUMNS = List.of("rank", "application_id", "company", "normalized_score", "raw_score", "reviews", "spread",
            "lowest_score", "highest_score", "tie_break");

    @Inject
    RankingService ranking;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rankApplications", summary = SUMMARY, description = RankingService.METHOD)
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "404", description = "No such call")
    public RankingView rank(@PathParam("callId") UUID callId) {
        return ranking.rank(callId);
    }

    @GET
    @Produces(CsvReports.MEDIA_TYPE)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = SUMMARY, description = RankingService.METHOD)
    @APIResponse(responseCode = "200", description = ANSWER,
            content = @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such call")
    public Response rankAsCsv(@PathParam("callId") UUID callId) {
        return CsvReports.attachment(CsvReports.of(CSV_COLUMNS, ranking.rank(callId).entries().stream().map(entry -> Arrays.asList(entry.rank(),
                entry.applicationId(), entry.companyName(), entry.normalizedScore(), entry.rawScore(), entry.reviews(), entry.spread(),
                entry.lowestScore(), entry.highestScore(), entry.tieBreak()))), "ranking-" + callId + ".csv");
    }
}
