package org.stationf.aiprogram.applications.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Application", description = "A startup's application to a call")
public record ApplicationView(
        @Schema(example = "7d3c0f8e-2f4b-4c55-9b55-3b2f7a3f5d10") UUID id,
        @Schema(example = "0", description = "Send it back when updating") long version,
        UUID callId,
        ApplicationStatus status,
        Company company,
        List<Founder> founders,
        @Schema(nullable = true) Stage stage,
        @Schema(nullable = true, example = "4") Integer teamSize,
        List<ModelUse> models,
        @Schema(nullable = true, example = "An assistant for farmers built on a fine-tuned Llama 2") String product,
        Map<String, String> answers,
        Instant createdAt,
        @Schema(nullable = true) Instant updatedAt,
        @Schema(nullable = true) Instant submittedAt,
        @Schema(nullable = true, description = "Set at submission") EligibilityResult eligibility,
        @Schema(nullable = true, description = "Admins see the pending decision; the applicant sees it once published") DecisionView decision) {

    @Schema(name = "ApplicationDecision", description = "The admins' decision on an application")
    public record DecisionView(Decision decision, @Schema(example = "Strong open-model usage, clear market") String reason,
                               Instant decidedAt, @Schema(nullable = true, description = "When it was published to the applicant") Instant publishedAt) {
    }

    static ApplicationView of(Application application, boolean showPendingDecision) {
        EligibilityResult eligibility = application.eligibility == null ? null
                : new EligibilityResult(application.eligibility, application.eligibilityReasons, application.eligibilityOverridden);
        DecisionView decision = application.decision == null || (!showPendingDecision && application.decisionPublishedAt == null) ? null
                : new DecisionView(application.decision, application.decisionReason, application.decidedAt, application.decisionPublishedAt);
        return new ApplicationView(application.id, application.version, application.callId, application.status,
                new Company(application.companyName, application.registrationNumber, application.country, application.website),
                application.founders, application.stage, application.teamSize, application.models, application.product,
                application.answers, application.createdAt, application.updatedAt, application.submittedAt, eligibility, decision);
    }
}
