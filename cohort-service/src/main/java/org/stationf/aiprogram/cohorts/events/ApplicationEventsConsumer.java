package org.stationf.aiprogram.cohorts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.stationf.aiprogram.cohorts.candidate.CandidateService;
import org.stationf.aiprogram.eventing.EventInbox;
import org.stationf.aiprogram.eventing.EventRoutes;

import java.time.Instant;
import java.util.UUID;

/** Keeps the candidate read model from applications-service's events (topic program.applications). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    /** The fields of ApplicationSubmitted this service reads; others are ignored. */
    public record ApplicationSubmitted(@NotNull UUID applicationId, @NotBlank String applicantId,
                                       @NotBlank String companyName, @NotNull Instant submittedAt) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    CandidateService candidates;

    private final EventRoutes routes = EventRoutes.builder()
            .on("ApplicationSubmitted", ApplicationSubmitted.class, (event, data) ->
                    candidates.register(data.applicationId(), data.applicantId(), data.companyName(), data.submittedAt()))
            .ignore("ApplicationWithdrawn", "ApplicationShortlisted", "ApplicationRejected")
            .build();

    @Incoming("application-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, routes);
    }
}
