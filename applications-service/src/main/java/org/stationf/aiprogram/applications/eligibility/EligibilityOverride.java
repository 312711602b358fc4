package org.stationf.aiprogram.applications.eligibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityOverride")
public record EligibilityOverride(
        @NotNull EligibilityOutcome outcome,
        @Schema(example = "Phi-2 is released under the MIT licence: an open model") @NotBlank @Size(max = 2000) String reason) {
}
