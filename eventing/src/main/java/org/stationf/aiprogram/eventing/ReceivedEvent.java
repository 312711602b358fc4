package org.stationf.aiprogram.eventing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The CloudEvent attributes of an event being consumed, handed to its handler with the typed data. */
public record ReceivedEvent(String id, String source, String type, String subject, OffsetDateTime time) {

    /** When it happened, as its producer says; for an event without a {@code time} (it is optional), now. */
    public Instant timeOr(Clock clock) {
        return time == null ? clock.instant() : time.toInstant();
    }
}
