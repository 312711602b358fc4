package org.stationf.aiprogram.applications.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Review")
public record ReviewView(UUID id, @Schema(example = "1") long version, UUID callId, UUID applicationId, @Schema(example = "Mistral Garden SAS") String companyName,
                         UUID reviewerId, List<Score> scores,
                         @Schema(description = "Every rubric criterion is scored") boolean complete,
                         @Schema(nullable = true, description = "Σ weight × score, once complete", example = "3.8") BigDecimal weightedScore,
                         @Schema(description = "Its reviewer has since declared a conflict of interest with the application: it no longer "
                                 + "counts in the ranking, its scores no longer change, and the next assignment gives the application another reviewer")
                         boolean recused,
                         @Schema(description = "Scores can be saved until then; afterwards the review is final", example = "2023-12-15T17:00:00Z") Instant editableUntil,
                         boolean finalized, Instant assignedAt, @Schema(nullable = true) Instant updatedAt) {
}
