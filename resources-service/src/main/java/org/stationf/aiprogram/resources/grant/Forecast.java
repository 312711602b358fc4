package org.stationf.aiprogram.resources.grant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "Forecast", description = "Burn rate from the usage so far, and the day the balance runs out at that rate")
public record Forecast(
        @Schema(nullable = true, description = "Average net usage per day since activation (or the first usage): to two decimals, or to two significant digits when smaller than 0.01", example = "412.50") BigDecimal dailyBurn,
        @Schema(nullable = true, description = "When the balance reaches zero at that rate; null without usage", example = "2024-04-12") LocalDate runsOutOn,
        @Schema(description = "It runs out before the grant expires") boolean runsOutBeforeExpiry) {
}
