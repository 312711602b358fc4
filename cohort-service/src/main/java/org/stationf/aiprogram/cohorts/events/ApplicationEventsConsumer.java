package org.stationf.aiprogram.cohorts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.cohorts.candidate.Candidate;
import org.stationf.aiprogram.cohorts.candidate.CandidateService;
import org.stationf.aiprogram.cohorts.candidate.Contact;
import org.stationf.aiprogram.cohorts.member.MemberService;
import org.stationf.aiprogram.cohorts.selection.SelectionService;
import org.stationf.aiprogram.eventing.EventInbox;
import org.stationf.aiprogram.eventing.EventRoutes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps the candidate read model from applications-service's events (topic program.applications). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);

    /** The fields of ApplicationShortlisted this service reads; others are ignored. */
    public record ApplicationShortlisted(@NotNull UUID applicationId, @NotNull UUID callId, @NotBlank String applicantId,
                                         @NotBlank String companyName, String country, String stage, List<String> models,
                                         List<@Valid Contact> founders, Integer rank, BigDecimal normalizedScore,
                                         @NotNull Instant shortlistedAt) {
    }

    public record ApplicationWithdrawn(@NotNull UUID applicationId, String reason) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    CandidateService candidates;

    @Inject
    SelectionService selections;

    @Inject
    MemberService members;

    @Inject
    Clock clock;

    private final EventRoutes routes = EventRoutes.builder()
            .on("ApplicationShortlisted", ApplicationShortlisted.class, (event, data) -> shortlisted(data))
            .on("ApplicationWithdrawn", ApplicationWithdrawn.class, (event, data) -> withdrawn(data))
            .ignore("ApplicationSubmitted", "ApplicationRejected")
            .build();

    @Incoming("application-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, routes);
    }

    private void shortlisted(ApplicationShortlisted data) {
        Candidate candidate = new Candidate();
        candidate.applicationId = data.applicationId();
        candidate.callId = data.callId();
        candidate.applicantId = data.applicantId();
        candidate.companyName = data.companyName();
        candidate.country = data.country();
        candidate.stage = data.stage();
        candidate.models = data.models() == null ? List.of() : List.copyOf(data.models());
        candidate.founders = data.founders() == null ? List.of() : List.copyOf(data.founders());
        candidate.rank = data.rank();
        candidate.normalizedScore = data.normalizedScore();
        candidate.shortlistedAt = data.shortlistedAt();
        candidates.register(candidate);
        selections.shortlisted(candidate);
    }

    private void withdrawn(ApplicationWithdrawn data) {
        Candidate candidate = Candidate.findById(data.applicationId());
        if (candidate == null) {
            // Withdrawn before it was shortlisted: never a candidate here.
            LOG.debugf("Application %s withdrawn; it was not a candidate", data.applicationId());
            return;
        }
        candidate.withdrawnAt = clock.instant();
        candidate.withdrawalReason = data.reason();
        String reason = "Application withdrawn: " + data.reason();
        selections.candidateWithdrew(candidate, reason);
        members.applicationWithdrawn(candidate.applicationId, reason);
    }
}
