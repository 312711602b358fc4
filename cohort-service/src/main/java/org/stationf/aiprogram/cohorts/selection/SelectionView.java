package org.stationf.aiprogram.cohorts.selection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Selection", description = "An offer of a place in a cohort, or a position on its waitlist")
public record SelectionView(
        @Schema(description = "Also the offer id") UUID id,
        UUID cohortId,
        UUID applicationId,
        @Schema(example = "Mistral Garden SAS") String companyName,
        SelectionStatus status,
        @Schema(description = "Position on the waitlist, 1 first", example = "2") Integer waitlistPosition,
        Instant offeredAt,
        @Schema(description = "An offer not accepted by then expires and its place goes to the waitlist") Instant offerExpiresAt,
        Instant decidedAt,
        String reason) {
}
