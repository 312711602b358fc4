package org.stationf.aiprogram.applications.decision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ApplicationHistory;
import org.stationf.aiprogram.applications.application.ApplicationService;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.applications.application.Decision;
import org.stationf.aiprogram.applications.application.ModelUse;
import org.stationf.aiprogram.applications.call.Call;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;
import org.stationf.aiprogram.applications.events.ApplicationEvents;
import org.stationf.aiprogram.applications.ranking.RankingService;
import org.stationf.aiprogram.applications.ranking.RankingView;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shortlist and reject: decisions stay private and reversible until the call's decisions are published; publication
 * moves each application to its final status, tells its applicant, and tells the other services through events.
 */
@ApplicationScoped
public class DecisionService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ApplicationService applications;

    @Inject
    CallService calls;

    @Inject
    ApplicationHistory history;

    @Inject
    RankingService ranking;

    @Inject
    EventPublisher events;

    @Transactional
    public void decide(UUID applicationId, DecisionRequest request) {
        Application application = undecidedSubmitted(applicationId);
        if (request.decision() == Decision.SHORTLISTED && application.eligibility == EligibilityOutcome.INELIGIBLE) {
            throw ProblemException.conflict("ineligible", "Ineligible application",
                    "Application " + applicationId + " is ineligible; override its eligibility before shortlisting it");
        }
        application.decision = request.decision();
        application.decisionReason = request.reason();
        application.decidedBy = caller.actor();
        application.decidedAt = clock.instant();
        application.persistAndFlush();
    }

    @Transactional
    public void reverse(UUID applicationId) {
        Application application = undecidedSubmitted(applicationId);
        application.decision = null;
        application.decisionReason = null;
        application.decidedBy = null;
        application.decidedAt = null;
        application.persistAndFlush();
    }

    @Transactional
    public PublicationReport publish(UUID callId) {
        Call call = calls.lock(callId);
        Instant now = clock.instant();
        List<Application> decided = Application.list("callId = ?1 and status = ?2 and decision is not null and decisionPublishedAt is null",
                Sort.by("submittedAt").and("id"), callId, ApplicationStatus.SUBMITTED);
        Map<UUID, RankingView.Entry> ranked = ranking.rank(callId).entries().stream()
                .collect(Collectors.toMap(RankingView.Entry::applicationId, Function.identity()));
        int shortlisted = 0;
        int rejected = 0;
        for (Application application : decided) {
            application.decisionPublishedAt = now;
            history.move(application, application.decision.status(), application.decidedBy, application.decisionReason);
            if (application.decision == Decision.SHORTLISTED) {
                shortlisted++;
                RankingView.Entry entry = ranked.get(application.id);
                events.publish(ApplicationEvents.TOPIC, ApplicationEvents.SHORTLISTED, application.id,
                        new ApplicationEvents.ApplicationShortlisted(application.id, callId, application.applicantId,
                                application.companyName, application.country, String.valueOf(application.stage),
                                application.models.stream().map(ModelUse::name).toList(), application.founders,
                                entry == null ? null : entry.rank(), entry == null ? null : entry.normalizedScore(), now));
            } else {
                rejected++;
                events.publish(ApplicationEvents.TOPIC, ApplicationEvents.REJECTED, application.id,
                        new ApplicationEvents.ApplicationRejected(application.id, callId, application.applicantId,
                                application.decisionReason, now));
            }
        }
        call.decisionsPublishedAt = now;
        int undecided = (int) Application.count("callId = ?1 and status = ?2 and decision is null", callId, ApplicationStatus.SUBMITTED);
        return new PublicationReport(shortlisted, rejected, undecided, now);
    }

    private Application undecidedSubmitted(UUID applicationId) {
        Application application = applications.require(applicationId);
        if (application.status != ApplicationStatus.SUBMITTED || application.decisionPublishedAt != null) {
            throw ProblemException.conflict("decision-final", "Decision final",
                    "Application " + applicationId + " is " + application.status + "; decisions change only before they are published");
        }
        return application;
    }
}
