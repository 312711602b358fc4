package org.stationf.aiprogram.resources.ledger;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.resourcepackage.Unit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Schema(name = "UsageReport", description = "Usage of a grant reported by its partner: credits spent, hours delivered, seats used")
public record UsageReport(
        @Schema(example = "412.37", description = "Positive, at most 2 decimal places") @NotNull
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal quantity,
        @Schema(description = "If given, must be the grant's unit", example = "EUR") Unit unit,
        @Schema(example = "GPU H100 instances, March 2024") @NotBlank @Size(max = 500) String description,
        @Schema(example = "inv-2024-03-00042", description = "Your own reference for this usage") @Size(max = 200) String reference,
        @Schema(example = "2024-03-31T23:59:59Z") OffsetDateTime occurredAt) {
}
