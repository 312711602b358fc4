package org.stationf.aiprogram.applications.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Schema(name = "Call", description = "A call for applications. Instants are shown in the call's time zone.")
public record CallView(
        UUID id,
        @Schema(example = "0") long version,
        @Schema(example = "AI Startup Program 2024") String name,
        @Schema(example = "2024") String edition,
        @Schema(example = "Meta, Hugging Face and Scaleway support five startups building on open foundation models at Station F.") String description,
        CallStatus status,
        @Schema(example = "Europe/Paris") String timeZone,
        @Schema(example = "2023-10-02T09:00:00+02:00") OffsetDateTime opensAt,
        @Schema(example = "2023-12-01T23:59:59+01:00") OffsetDateTime closesAt,
        @Schema(example = "2023-12-15T18:00:00+01:00") OffsetDateTime reviewClosesAt,
        @Schema(description = "Whether a submission now would be accepted") boolean acceptingApplications,
        @Schema(example = "5") int places,
        @Schema(example = "3") int reviewersPerApplication,
        List<String> partners,
        EligibilityRules eligibility,
        List<Question> questions,
        Rubric rubric,
        @Schema(nullable = true, description = "When the shortlist decisions were published, if they were") OffsetDateTime decisionsPublishedAt) {

    public static CallView of(Call call, Instant now) {
        ZoneId zone = call.zone();
        return new CallView(call.id, call.version, call.name, call.edition, call.description, call.status, call.timeZone,
                inZone(call.opensAt, zone), inZone(call.closesAt, zone), inZone(call.reviewClosesAt, zone),
                call.acceptsApplicationsAt(now), call.places, call.reviewersPerApplication, call.partners, call.eligibility,
                call.questions, call.rubric, inZone(call.decisionsPublishedAt, zone));
    }

    public static OffsetDateTime inZone(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
