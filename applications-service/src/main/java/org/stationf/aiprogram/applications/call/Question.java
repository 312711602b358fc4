package org.stationf.aiprogram.applications.call;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Question", description = "A question of the application form")
public record Question(
        @Schema(example = "openModelUse", description = "Key the answers are given under")
        @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_-]{0,63}", message = "must be a letter then up to 63 letters, digits, _ or -") String key,
        @Schema(example = "How does your product build on open foundation models?")
        @NotBlank @Size(max = 500) String label,
        @Schema(example = "true") boolean required,
        @Schema(example = "2000", description = "Maximum answer length in characters")
        @Min(1) @Max(20000) int maxLength) {
}
