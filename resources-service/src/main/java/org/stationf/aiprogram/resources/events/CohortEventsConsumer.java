package org.stationf.aiprogram.resources.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.stationf.aiprogram.eventing.EventInbox;
import org.stationf.aiprogram.eventing.EventRoutes;
import org.stationf.aiprogram.resources.enrollment.Enrollment;
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.partner.Contact;
import org.stationf.aiprogram.resources.resourcepackage.PackageService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Grants follow the cohort (topic program.cohorts): issued on enrollment, revoked on withdrawal, expired at completion;
 * a cohort is known once planned, so a package may be put for it, and a cohort discarded while planned loses its package.
 */
@ApplicationScoped
public class CohortEventsConsumer {

    public record MemberEnrolled(@NotNull UUID memberId, @NotNull UUID cohortId, @NotNull UUID applicationId,
                                 @NotBlank String applicantId, @NotBlank String companyName, List<@Valid Contact> contacts,
                                 @NotNull Instant enrolledAt) {
    }

    public record MemberWithdrew(@NotNull UUID memberId, String initiatedBy, String reason) {
    }

    public record CohortPlanned(@NotNull UUID cohortId) {
    }

    public record CohortCompleted(@NotNull UUID cohortId) {
    }

    public record CohortDiscarded(@NotNull UUID cohortId) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    GrantService grants;

    @Inject
    PackageService packages;

    @Inject
    Clock clock;

    private final EventRoutes routes = EventRoutes.builder()
            .on("MemberEnrolled", MemberEnrolled.class, (event, data) -> enrolled(data))
            .on("MemberWithdrew", MemberWithdrew.class, (event, data) -> withdrew(data))
            .on("CohortPlanned", CohortPlanned.class, (event, data) -> packages.planCohort(data.cohortId(), event.timeOr(clock)))
            .on("CohortCompleted", CohortCompleted.class, (event, data) ->
                    grants.closeCohort(data.cohortId(), event.timeOr(clock)))
            .on("CohortDiscarded", CohortDiscarded.class, (event, data) -> packages.discardCohort(data.cohortId(), event.timeOr(clock)))
            .ignore("CandidateSelected", "CandidateWaitlisted", "CandidateNotSelected", "OfferAccepted", "OfferDeclined", "OfferExpired",
                    "MemberGraduated", "MemberNotCompleted", "CohortStarted")
            .build();

    @Incoming("cohort-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, routes);
    }

    private void enrolled(MemberEnrolled data) {
        if (Enrollment.findById(data.memberId()) != null) {
            // The same enrollment under another event id (a re-publication): the grants exist, nothing to add.
            return;
        }
        Enrollment enrollment = new Enrollment();
        enrollment.memberId = data.memberId();
        enrollment.cohortId = data.cohortId();
        enrollment.applicationId = data.applicationId();
        enrollment.applicantId = data.applicantId();
        enrollment.companyName = data.companyName();
        enrollment.contacts = data.contacts() == null ? List.of() : List.copyOf(data.contacts());
        enrollment.status = Enrollment.ENROLLED;
        enrollment.enrolledAt = data.enrolledAt();
        enrollment.persist();
        grants.issueFor(enrollment);
    }

    private void withdrew(MemberWithdrew data) {
        Enrollment enrollment = Enrollment.findById(data.memberId());
        if (enrollment == null) {
            return;
        }
        grants.holdCohortGrants(enrollment.cohortId);
        enrollment.status = Enrollment.LEFT;
        enrollment.leftAt = clock.instant();
        grants.revokeForMember(data.memberId(), "The member left the cohort"
                + ("ADMIN".equals(data.initiatedBy()) ? " (removed by an admin)" : "") + (data.reason() == null ? "" : ": " + data.reason()));
    }
}
