package org.stationf.aiprogram.cohorts.selection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Selection", description = "An offer of a place in a cohort, a position on its waitlist, or, once the cohort started, the answer that no place came")
public record SelectionView(
        @Schema(description = "Also the offer id", example = "c4a7e2d9-1b3f-4a6c-8e5d-9f0b2a7c1d34") UUID id,
        UUID cohortId,
        UUID applicationId,
        @Schema(example = "Mistral Garden SAS") String companyName,
        SelectionStatus status,
        @Schema(nullable = true, description = "Position on the waitlist, 1 first", example = "2") Integer waitlistPosition,
        @Schema(nullable = true) Instant offeredAt,
        @Schema(nullable = true, description = "An offer not accepted by then expires and its place goes to the waitlist") Instant offerExpiresAt,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true, description = "Why it ended so: the startup's own words when it declined", example = "We raised a round and will focus on our customers") String reason) {
}
