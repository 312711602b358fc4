package org.stationf.aiprogram.applications.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Score", description = "A score on one rubric criterion, with a comment")
public record Score(
        @Schema(example = "openModels") @NotBlank @Size(max = 64) String criterion,
        @Schema(example = "4") @NotNull Integer score,
        @Schema(nullable = true, example = "Fine-tunes Llama 2 on proprietary agronomy data; strong") @Size(max = 5000) String comment) {
}
