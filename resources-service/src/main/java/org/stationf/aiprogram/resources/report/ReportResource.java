package org.stationf.aiprogram.resources.report;

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
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.grant.GrantView;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/cohorts/{cohortId}/grants-report")
@Tag(name = "Reports", description = "Every grant of a cohort, its use and its forecast, as JSON or CSV")
@RolesAllowed(Roles.ADMIN)
public class ReportResource {

    // One operation in the OpenAPI document, whichever of the two methods its text is taken from.
    private static final String SUMMARY = "Cohort grants report";
    private static final String DESCRIPTION = "Ask for text/csv in Accept to get the same rows as CSV.";
    private static final String ANSWER = "One row per grant: its use, balance and forecast; as text/csv, a header line, then one RFC 4180 line per grant";

    private static final List<String> COLUMNS = List.of("member_id", "company", "grant_id", "partner", "kind", "unit", "granted", "used", "balance",
            "percent_used", "status", "external_reference", "expires_at", "daily_burn", "runs_out_on", "runs_out_before_expiry");

    @Inject
    GrantService grants;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCohortGrantsReport", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "404", description = "No package and no member of this cohort here")
    public List<ReportRow> json(@PathParam("cohortId") UUID cohortId) {
        return rows(cohortId);
    }

    @GET
    @Produces(CsvReports.MEDIA_TYPE)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = ANSWER,
            content = @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No package and no member of this cohort here")
    public Response csv(@PathParam("cohortId") UUID cohortId) {
        return CsvReports.attachment(CsvReports.of(COLUMNS, rows(cohortId).stream().map(row -> Arrays.asList(row.memberId(), row.companyName(),
                row.grantId(), row.partner(), row.kind(), row.unit(), row.granted(), row.used(), row.balance(), row.percentUsed(), row.status(),
                row.externalReference(), row.expiresAt(), row.dailyBurn(), row.runsOutOn(), row.runsOutBeforeExpiry()))), "grants-" + cohortId + ".csv");
    }

    private List<ReportRow> rows(UUID cohortId) {
        return grants.ofCohort(cohortId).stream().map(grants::view).map(ReportResource::row).toList();
    }

    private static ReportRow row(GrantView grant) {
        return new ReportRow(grant.memberId(), grant.companyName(), grant.id(), grant.partner(), grant.kind(), grant.unit(),
                grant.amountGranted(), grant.used(), grant.balance(), grant.percentUsed(), grant.status(), grant.externalReference(),
                grant.expiresAt(), grant.forecast().dailyBurn(), grant.forecast().runsOutOn(), grant.forecast().runsOutBeforeExpiry());
    }
}
