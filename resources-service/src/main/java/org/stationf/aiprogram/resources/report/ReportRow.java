package org.stationf.aiprogram.resources.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.grant.GrantStatus;
import org.stationf.aiprogram.resources.resourcepackage.ResourceKind;
import org.stationf.aiprogram.resources.resourcepackage.Unit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "GrantReportRow", description = "One grant of a cohort: its use and its forecast")
public record ReportRow(UUID memberId, @Schema(example = "Mistral Garden SAS") String companyName, UUID grantId,
                        @Schema(example = "SCALEWAY") String partner, ResourceKind kind, Unit unit,
                        @Schema(example = "30000.00") BigDecimal granted, @Schema(example = "12500.00") BigDecimal used,
                        @Schema(example = "17500.00") BigDecimal balance, @Schema(example = "41") int percentUsed, GrantStatus status,
                        @Schema(nullable = true, example = "org-7f3c2a") String externalReference, @Schema(nullable = true) Instant expiresAt,
                        @Schema(nullable = true, example = "138.89") BigDecimal dailyBurn,
                        @Schema(nullable = true) LocalDate runsOutOn,
                        boolean runsOutBeforeExpiry) {
}
