package org.stationf.aiprogram.resources.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact")
public record Contact(@Schema(example = "Jules Moreau") @NotBlank @Size(max = 200) String name,
                      @Schema(example = "partnerships@mistral-ai.example") @NotBlank @Email @Size(max = 254) String email,
                      @Schema(example = "Startup program manager", nullable = true) @Size(max = 100) String role) {
}
