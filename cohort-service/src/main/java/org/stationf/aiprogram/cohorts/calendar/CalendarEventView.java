package org.stationf.aiprogram.cohorts.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "CalendarEvent")
public record CalendarEventView(UUID id, @Schema(example = "0", description = "Send it back when updating") long version, UUID cohortId, EventKind kind,
                                @Schema(example = "Fine-tuning Llama 2 on your own data") String title, @Schema(nullable = true, example = "Hands-on workshop with Meta AI engineers") String description,
                                Instant startsAt, Instant endsAt, @Schema(nullable = true, example = "Station F, Meta room") String location,
                                @Schema(nullable = true, example = "https://meet.example/llama-workshop") String link,
                                @Schema(nullable = true, example = "META", description = "The partner hosting it, if any") String partner,
                                @Schema(nullable = true, description = "Members attending; null means everyone") List<UUID> attendees,
                                @Schema(nullable = true, description = "When it was cancelled (by an admin; a mentoring session, where it was booked); null while it takes place") Instant cancelledAt,
                                @Schema(nullable = true, description = "The member's mentoring session this event shows (GET /api/resources/sessions/{id}): "
                                        + "it was booked, and changes, there; null for the events admins add") UUID mentoringSessionId) {

    static CalendarEventView of(CalendarEvent event) {
        return new CalendarEventView(event.id, event.version, event.cohortId, event.kind, event.title, event.description,
                event.startsAt, event.endsAt, event.location, event.link, event.partner, event.attendees, event.cancelledAt, event.mentoringSessionId);
    }
}
