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
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.grant.GrantView;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Path("/cohorts/{cohortId}/grants-report")
@Tag(name = "Reports", description = "Every grant of a cohort, its use and its forecast, as JSON or CSV")
@RolesAllowed(Roles.ADMIN)
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    GrantService grants;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCohortGrantsReport", summary = "Cohort grants report", description = "Ask for text/csv in Accept to get the same rows as CSV.")
    @APIResponse(responseCode = "200", description = "One row per grant: its use, balance and forecast")
    @APIResponse(responseCode = "404", description = "No package and no member of this cohort here")
    public List<ReportRow> json(@PathParam("cohortId") UUID cohortId) {
        return rows(cohortId);
    }

    @GET
    @Produces(CSV)
    @Operation(summary = "Cohort grants report as CSV")
    @APIResponse(responseCode = "200", description = "A header line, then one RFC 4180 line per grant",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No package and no member of this cohort here")
    public Response csv(@PathParam("cohortId") UUID cohortId) {
        StringBuilder csv = new StringBuilder("member_id,company,grant_id,partner,kind,unit,granted,used,balance,percent_used,status,"
                + "external_reference,expires_at,daily_burn,runs_out_on,runs_out_before_expiry\r\n");
        for (ReportRow row : rows(cohortId)) {
            csv.append(Stream.of(row.memberId(), row.companyName(), row.grantId(), row.partner(), row.kind(), row.unit(),
                            plain(row.granted()), plain(row.used()), plain(row.balance()), row.percentUsed(), row.status(),
                            row.externalReference(), row.expiresAt(), plain(row.dailyBurn()), row.runsOutOn(), row.runsOutBeforeExpiry())
                    .map(ReportResource::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return Response.ok(csv.toString(), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"grants-" + cohortId + ".csv\"").build();
    }

    private List<ReportRow> rows(UUID cohortId) {
        return grants.ofCohort(cohortId).stream().map(grants::view).map(ReportResource::row).toList();
    }

    private static ReportRow row(GrantView grant) {
        return new ReportRow(grant.memberId(), grant.companyName(), grant.id(), grant.partner(), grant.kind().name(), grant.unit().name(),
                grant.amountGranted(), grant.used(), grant.balance(), grant.percentUsed(), grant.status().name(), grant.externalReference(),
                grant.expiresAt(), grant.forecast().dailyBurn(), grant.forecast().runsOutOn(), grant.forecast().runsOutBeforeExpiry());
    }

    private static Object plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    private static String field(Object value) {
        String text = Objects.toString(value, "");
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") && !text.matches("-?[0-9.]+") || text.startsWith("@")) {
            text = "'" + text;   // not a formula when opened in a spreadsheet
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
