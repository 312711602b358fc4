package org.stationf.aiprogram.applications.call;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The call's eligibility rules, run over each application at submission. Empty lists mean "any".
 */
@Schema(name = "EligibilityRules")
public record EligibilityRules(
        @Schema(description = "The product must be built on an open foundation model; true when left out, since that is what "
                + "the program is for", nullable = true, example = "true", defaultValue = "true")
        Boolean requireOpenModel,
        @Schema(description = "Open foundation models the call recognises (matched case-insensitively, by prefix); "
                + "a model outside the list sends the application to review by a human", nullable = true,
                example = "[\"Llama\", \"Mistral\", \"Mixtral\", \"Falcon\", \"BLOOM\", \"Gemma\", \"Phi\", \"Stable Diffusion\"]")
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> openModels,
        @Schema(description = "Stages admitted", nullable = true, example = "[\"PRE_SEED\", \"SEED\", \"SERIES_A\"]")
        List<@NotNull Stage> stages,
        @Schema(description = "ISO 3166-1 alpha-2 countries admitted", nullable = true, example = "[\"FR\", \"DE\", \"ES\", \"IT\"]")
        @Size(max = 300) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String> countries,
        @Schema(example = "1", nullable = true) @Min(1) @Max(100000) Integer minTeamSize,
        @Schema(example = "50", nullable = true) @Min(1) @Max(100000) Integer maxTeamSize,
        @Schema(description = "Criteria a human checks, shown to applicants", nullable = true, example = "[\"Incorporated company\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> notes) {

    public EligibilityRules {
        requireOpenModel = requireOpenModel == null || requireOpenModel;
        openModels = openModels == null ? List.of() : List.copyOf(openModels);
        stages = stages == null ? List.of() : List.copyOf(stages);
        countries = countries == null ? List.of() : List.copyOf(countries);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
