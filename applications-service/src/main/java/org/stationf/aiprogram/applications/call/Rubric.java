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
        @NotEmpty @Size(max = 20) List<@Valid @NotNull RubricCriterion> criteria) {
}
