package org.stationf.aiprogram.cohorts.candidate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact", description = "A person of a startup's team")
public record Contact(
        @Schema(example = "Camille Durand") @NotBlank @Size(max = 200) String name,
        @Schema(example = "camille@mistral-garden.example") @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "CEO", nullable = true) @Size(max = 100) String role) {
}
