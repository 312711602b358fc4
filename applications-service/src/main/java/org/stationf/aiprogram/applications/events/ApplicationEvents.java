package org.stationf.aiprogram.applications.events;

import org.stationf.aiprogram.applications.application.Founder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The application event family, published on {@link #TOPIC} keyed by application id. */
public final class ApplicationEvents {

    public static final String TOPIC = "program.applications";

    public static final String SUBMITTED = "ApplicationSubmitted";
    public static final String WITHDRAWN = "ApplicationWithdrawn";
    public static final String SHORTLISTED = "ApplicationShortlisted";
    public static final String REJECTED = "ApplicationRejected";

    private ApplicationEvents() {
    }

    public record ApplicationSubmitted(UUID applicationId, UUID callId, String applicantId, String companyName, String country,
                                       String stage, List<String> models, String eligibility, Instant submittedAt) {
    }

    public record ApplicationWithdrawn(UUID applicationId, UUID callId, String applicantId, String previousStatus,
                                       String reason, Instant withdrawnAt) {
    }

    public record ApplicationShortlisted(UUID applicationId, UUID callId, String applicantId, String companyName, String country,
                                         String stage, List<String> models, List<Founder> founders, Integer rank,
                                         BigDecimal normalizedScore, Instant shortlistedAt) {
    }

    public record ApplicationRejected(UUID applicationId, UUID callId, String applicantId, String reason, Instant rejectedAt) {
    }
}
