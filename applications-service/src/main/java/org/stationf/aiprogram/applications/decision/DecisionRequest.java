package org.stationf.aiprogram.applications.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.applications.application.Decision;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull Decision decision,
        @Schema(example = "Top of the ranking; substantive fine-tuning of Llama 2") @NotBlank @Size(max = 2000) String reason) {
}
