package org.stationf.aiprogram.cohorts.cohort;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Cohort")
public record CohortView(UUID id, @Schema(example = "0", description = "Send it back when updating") long version, @Schema(example = "AI Startup Program 2024 cohort") String name,
                         @Schema(example = "2024") String edition, UUID callId, LocalDate startDate, LocalDate endDate,
                         @Schema(example = "Europe/Paris") String timeZone, @Schema(example = "5") int capacity,
                         @Schema(example = "Station F, Paris") String location, @Schema(example = "P7D") String offerValidity,
                         CohortStatus status,
                         @Schema(description = "Pending and accepted offers and enrolled members", example = "3") long placesTaken,
                         @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant completedAt) {
}
