package org.stationf.aiprogram.applications.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Company")
public record Company(
        @Schema(example = "Mistral Garden SAS") @NotBlank @Size(max = 200) String name,
        @Schema(example = "FR 912 345 678", nullable = true, description = "National registration number (SIREN, Companies House, HRB, ...)")
        @Size(max = 50) String registrationNumber,
        @Schema(example = "FR", nullable = true, description = "ISO 3166-1 alpha-2") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        @Schema(example = "https://mistral-garden.example", nullable = true) @Size(max = 300)
        @Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http(s) URL") String website) {
}
