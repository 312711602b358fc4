package org.stationf.aiprogram.applications.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Rubric", description = "How reviewers score: each criterion on the scale, weighted")
public record Rubric(
        @Schema(example = "1") @NotNull @Min(0) @Max(100) Integer scaleMin,
        @Schema(example = "5") @NotNull @Min(1) @Max(100) Integer scaleMax,
        @Schema(description = "Their weights sum to 1", example = "[{\"key\": \"openModels\", \"label\": \"Substantive use of open foundation models\", \"weight\": 0.4}, "
                + "{\"key\": \"team\", \"label\": \"Team\", \"weight\": 0.3}, {\"key\": \"market\", \"label\": \"Market and traction\", \"weight\": 0.3}]")
        @NotEmpty @Size(max = 20) List<@Valid @NotNull RubricCriterion> criteria) {
}
