package org.stationf.aiprogram.applications.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Reviewer")
public record ReviewerView(UUID id, @Schema(example = "reviewer-hf-1") String accountId, @Schema(example = "Alex Martin") String name,
                           @Schema(example = "alex@huggingface.example") String email,
                           @Schema(example = "HUGGING_FACE") String organization, Conflicts conflicts, boolean active,
                           @Schema(description = "Reviews assigned to this reviewer, all calls", example = "12") long assignedReviews) {

    public static ReviewerView of(Reviewer reviewer) {
        return new ReviewerView(reviewer.id, reviewer.accountId, reviewer.name, reviewer.email, reviewer.organization,
                new Conflicts(reviewer.conflictCompanies, reviewer.conflictDomains), reviewer.active,
                Review.count("reviewerId", reviewer.id));
    }
}
