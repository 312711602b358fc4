package org.stationf.aiprogram.applications.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ApplicationHistory;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.eventing.EventInbox;
import org.stationf.aiprogram.eventing.EventRoutes;
import org.stationf.aiprogram.eventing.ReceivedEvent;

import java.util.Set;
import java.util.UUID;

/**
 * Selection outcomes from cohort-service (topic program.cohorts) move the application on, with a line in its history.
 */
@ApplicationScoped
public class SelectionOutcomesConsumer {

    private static final Logger LOG = Logger.getLogger(SelectionOutcomesConsumer.class);

    /** The part of a cohort event this service reads. */
    public record Outcome(@NotNull UUID applicationId, String reason) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    ApplicationHistory history;

    private final EventRoutes routes = EventRoutes.builder()
            .on("CandidateSelected", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.SELECTED, Set.of(ApplicationStatus.SHORTLISTED, ApplicationStatus.WAITLISTED)))
            .on("CandidateWaitlisted", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.WAITLISTED, Set.of(ApplicationStatus.SHORTLISTED)))
            .on("CandidateNotSelected", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.NOT_SELECTED, Set.of(ApplicationStatus.SHORTLISTED, ApplicationStatus.WAITLISTED)))
            .on("OfferAccepted", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.ACCEPTED, Set.of(ApplicationStatus.SELECTED)))
            .on("OfferDeclined", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.DECLINED, Set.of(ApplicationStatus.SELECTED)))
            .on("OfferExpired", Outcome.class, (event, data) ->
                    move(event, data, ApplicationStatus.OFFER_EXPIRED, Set.of(ApplicationStatus.SELECTED)))
            .ignore(CohortEventTypes.NOT_ABOUT_APPLICATIONS)
            .build();

    @Incoming("cohort-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, routes);
    }

    private void move(ReceivedEvent event, Outcome data, ApplicationStatus to, Set<ApplicationStatus> from) {
        Application application = Application.findById(data.applicationId());
        if (application == null) {
            LOG.warnf("%s %s names unknown application %s; skipped", event.type(), event.id(), data.applicationId());
            return;
        }
        if (!from.contains(application.status)) {
            // A withdrawal crossing the outcome, say: the application's own state wins.
            LOG.warnf("%s for application %s which is %s; left as it is", event.type(), application.id, application.status);
            return;
        }
        history.move(application, to, "cohort-service", data.reason() != null ? data.reason() : event.type());
    }
}
