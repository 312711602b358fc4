package org.stationf.aiprogram.resources.resourcepackage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ResourcePackage")
public record PackageView(UUID cohortId, @Schema(example = "0", description = "Send it back when replacing") long version,
                          @Schema(example = "2024 cohort package") String name, List<PackageItem> items, Instant updatedAt,
                          @Schema(description = "Grants issued to enrolled members lacking one by this change", example = "0") int grantsIssued) {
}
