package org.stationf.aiprogram.applications.ranking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(name = "Ranking", description = "A call's applications ranked by reviewer-normalized score")
public record RankingView(
        UUID callId,
        @Schema(description = "How the scores are computed", example = RankingService.METHOD) String method,
        List<Entry> entries,
        @Schema(description = "Applications with no complete review yet (none counted, if all their reviews are recused)") List<UUID> unscored,
        @Schema(description = "Complete reviews left out of the ranking: their reviewer has since declared a conflict with the application. "
                + "Rerunning the assignment gives the application another reviewer in their place.") List<Recusal> recused) {

    @Schema(name = "RecusedReview")
    public record Recusal(UUID reviewId, UUID applicationId, UUID reviewerId) {
    }

    @Schema(name = "RankingEntry")
    public record Entry(
            @Schema(example = "1") int rank,
            UUID applicationId,
            @Schema(example = "Mistral Garden SAS") String companyName,
            @Schema(description = "Mean of the reviewers' z-scores", example = "0.8731") BigDecimal normalizedScore,
            @Schema(description = "Mean weighted score on the rubric's scale", example = "3.9500") BigDecimal rawScore,
            @Schema(example = "3") int reviews,
            @Schema(description = "Standard deviation of the reviewers' z-scores: high means they disagree", example = "0.4120") BigDecimal spread,
            @Schema(description = "Lowest and highest weighted score given", example = "3.4000") BigDecimal lowestScore,
            @Schema(example = "4.5000") BigDecimal highestScore,
            @Schema(nullable = true, description = "Why this entry is placed after one with the same normalized score, when it is",
                    example = "Tied with Mistral Garden SAS on normalized score 0.873100; placed after it on raw score (3.9000 < 3.9500)") String tieBreak) {
    }
}
