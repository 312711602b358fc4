package org.stationf.aiprogram.resources.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPartner")
public record NewPartner(
        @Schema(example = "MISTRAL_AI", description = "Upper-case identifier, used in partner tokens' partner claim")
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2-40 upper-case letters, digits or underscores, starting with a letter") String code,
        @Schema(example = "Mistral AI") @NotBlank @Size(max = 200) String name) {
}
