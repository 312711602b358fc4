package org.stationf.aiprogram.applications.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "CallStatistics", description = "Where a call stands. The pool counted by eligibility, country, stage and model is the "
        + "applications in the running: submitted and not withdrawn.")
public record CallStatistics(
        UUID callId,
        @Schema(description = "Every application to the call, drafts and withdrawn ones included", example = "42") long applications,
        @Schema(description = "Every status, those with no application included", example = "{\"DRAFT\": 3, \"SUBMITTED\": 30, \"WITHDRAWN\": 1}")
        Map<ApplicationStatus, Long> byStatus,
        @Schema(description = "The pool by eligibility outcome, every outcome included", example = "{\"ELIGIBLE\": 35, \"INELIGIBLE\": 2, \"NEEDS_REVIEW\": 1}")
        Map<EligibilityOutcome, Long> byEligibility,
        @Schema(description = "The pool by ISO 3166-1 country code, the most represented first", example = "{\"FR\": 20, \"DE\": 6}")
        Map<String, Long> byCountry,
        @Schema(description = "The pool by stage, every stage included", example = "{\"PRE_SEED\": 12, \"SEED\": 20}")
        Map<Stage, Long> byStage,
        @Schema(description = "The pool by open model named (trimmed and lower-cased, as the model filter compares them), the most used first; "
                + "an application naming two models counts for both", example = "{\"llama 2 13b\": 18, \"mistral 7b\": 9}")
        Map<String, Long> byModel,
        ReviewProgress reviews,
        @Schema(description = "Each reviewer with reviews in this call, those with the most still to score first, so an admin sees whom to remind")
        List<ReviewerProgress> reviewers) {

    @Schema(name = "ReviewProgress")
    public record ReviewProgress(@Schema(description = "Reviews assigned", example = "114") long assigned,
                                 @Schema(description = "Of those, scored on every criterion", example = "87") long complete) {
    }

    @Schema(name = "ReviewerProgress")
    public record ReviewerProgress(UUID reviewerId, @Schema(example = "Alex Martin") String name, @Schema(example = "HUGGING_FACE") String organization,
                                   @Schema(example = "12") long assigned, @Schema(example = "7") long complete) {
    }
}
