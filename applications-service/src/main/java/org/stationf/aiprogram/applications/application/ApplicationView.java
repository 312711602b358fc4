package org.stationf.aiprogram.applications.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Application", description = "A startup's application")
public record ApplicationView(
        @Schema(example = "7d3c0f8e-2f4b-4c55-9b55-3b2f7a3f5d10") UUID id,
        @Schema(example = "Mistral Garden SAS") String companyName,
        ApplicationStatus status,
        @Schema(example = "3") long version,
        Instant createdAt,
        Instant submittedAt) {

    static ApplicationView of(Application application) {
        return new ApplicationView(application.id, application.companyName, application.status, application.version,
                application.createdAt, application.submittedAt);
    }
}
