package org.stationf.aiprogram.applications.events;

import java.time.Instant;
import java.util.UUID;

/** The application event family, published on {@link #TOPIC} keyed by application id. */
public final class ApplicationEvents {

    public static final String TOPIC = "program.applications";

    public static final String SUBMITTED = "ApplicationSubmitted";

    private ApplicationEvents() {
    }

    public record ApplicationSubmitted(UUID applicationId, String applicantId, String companyName, Instant submittedAt) {
    }
}
