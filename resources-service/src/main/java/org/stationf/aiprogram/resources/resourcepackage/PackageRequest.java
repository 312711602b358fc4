package org.stationf.aiprogram.resources.resourcepackage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PackageRequest")
public record PackageRequest(@Schema(example = "2024 cohort package") @NotBlank @Size(max = 200) String name,
                             @NotEmpty @Size(max = 50) List<@Valid @NotNull PackageItem> items,
                             @Schema(description = "When replacing: the version you read", example = "0") Long version) {
}
