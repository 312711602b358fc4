package org.stationf.aiprogram.applications.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Conflicts", description = "Companies and domains a reviewer must never be assigned")
public record Conflicts(
        @Schema(example = "[\"Mistral Garden SAS\"]", nullable = true) @Size(max = 500) List<@NotBlank @Size(max = 200) String> companies,
        @Schema(example = "[\"mistral-garden.example\"]", nullable = true)
        @Size(max = 500) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", message = "must be a domain such as example.com") String> domains) {

    public Conflicts {
        companies = companies == null ? List.of() : List.copyOf(companies);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
