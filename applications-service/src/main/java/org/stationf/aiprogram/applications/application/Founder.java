package org.stationf.aiprogram.applications.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Founder")
public record Founder(
        @Schema(example = "Camille Durand") @NotBlank @Size(max = 200) String name,
        @Schema(example = "camille@mistral-garden.example") @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "CEO", nullable = true) @Size(max = 100) String role) {
}
