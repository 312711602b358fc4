package org.stationf.aiprogram.applications.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewApplication", description = "Starts a draft application")
public record NewApplication(
        @Schema(example = "Mistral Garden SAS") @NotBlank @Size(max = 200) String companyName) {
}
