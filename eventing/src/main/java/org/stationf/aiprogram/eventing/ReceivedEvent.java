package org.stationf.aiprogram.eventing;

import java.time.OffsetDateTime;

/** The CloudEvent attributes of an event being consumed, handed to its handler with the typed data. */
public record ReceivedEvent(String id, String source, String type, String subject, OffsetDateTime time) {
}
