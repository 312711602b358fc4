package org.stationf.aiprogram.resources.ledger;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Correction", description = "Gives back usage reported by mistake: a compensating credit entry, never an edit")
public record Correction(
        @Schema(example = "120.00") @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @Schema(example = "Duplicate invoice line inv-2024-03-00042") @NotBlank @Size(max = 500) String reason) {
}
