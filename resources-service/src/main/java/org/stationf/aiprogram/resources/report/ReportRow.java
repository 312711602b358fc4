package org.stationf.aiprogram.resources.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "GrantReportRow", description = "One grant of a cohort: its use and its forecast")
public record ReportRow(UUID memberId, String companyName, UUID grantId, String partner, String kind, String unit,
                        BigDecimal granted, BigDecimal used, BigDecimal balance, int percentUsed, String status,
                        @Schema(nullable = true) String externalReference, @Schema(nullable = true) Instant expiresAt, @Schema(nullable = true) BigDecimal dailyBurn,
                        @Schema(nullable = true) LocalDate runsOutOn,
                        boolean runsOutBeforeExpiry) {
}
