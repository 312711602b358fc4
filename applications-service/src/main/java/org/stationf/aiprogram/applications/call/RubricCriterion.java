package org.stationf.aiprogram.applications.call;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "RubricCriterion")
public record RubricCriterion(
        @Schema(example = "openModels") @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_-]{0,63}", message = "must be a letter then up to 63 letters, digits, _ or -") String key,
        @Schema(example = "Substantive use of open foundation models") @NotBlank @Size(max = 300) String label,
        @Schema(example = "0.4", description = "Weight in the total; the weights of a rubric sum to 1")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal weight) {
}
