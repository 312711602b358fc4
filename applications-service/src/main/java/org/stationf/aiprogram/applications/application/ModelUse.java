package org.stationf.aiprogram.applications.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ModelUse", description = "An open foundation model the product uses, and how")
public record ModelUse(
        @Schema(example = "Llama 2 13B") @NotBlank @Size(max = 100) String name,
        @Schema(nullable = true, example = "Fine-tuned on agronomy data to answer farmers' questions") @Size(max = 2000) String usage) {
}
