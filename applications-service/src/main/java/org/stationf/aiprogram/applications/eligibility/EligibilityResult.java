package org.stationf.aiprogram.applications.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Eligibility", description = "The outcome of the call's eligibility rules, with a readable reason for each finding")
public record EligibilityResult(
        EligibilityOutcome outcome,
        @Schema(example = "[\"Built on Llama 2 13B, a recognised open foundation model\", \"Stage SEED is admitted\"]") List<String> reasons,
        @Schema(description = "Set when an admin overrode the rules' outcome") boolean overridden) {
}
