package org.stationf.aiprogram.cohorts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.stationf.aiprogram.cohorts.calendar.CalendarService;
import org.stationf.aiprogram.eventing.EventInbox;
import org.stationf.aiprogram.eventing.EventRoutes;

import java.time.Clock;
import java.util.UUID;

/** Members' mentoring sessions from resources-service's events (topic program.mentoring), in their calendars. */
@ApplicationScoped
public class MentoringEventsConsumer {

    public record MentoringSessionEnded(@NotNull UUID sessionId, @NotBlank String status) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    CalendarService calendar;

    @Inject
    Clock clock;

    private final EventRoutes routes = EventRoutes.builder()
            .on("MentoringSessionBooked", CalendarService.MentoringSession.class, (event, data) -> calendar.showMentoringSession(data))
            // Renamed mentor or partner: the same session, as it now reads.
            .on("MentoringSessionChanged", CalendarService.MentoringSession.class, (event, data) -> calendar.showMentoringSession(data))
            .on("MentoringSessionEnded", MentoringSessionEnded.class, (event, data) ->
                    calendar.mentoringSessionEnded(data.sessionId(), data.status(), event.timeOr(clock)))
            .build();

    @Incoming("mentoring-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, routes);
    }
}
