package org.stationf.aiprogram.cohorts.events;

import org.stationf.aiprogram.cohorts.candidate.Contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cohort event family, published on {@link #TOPIC}. Selection and offer events are keyed by application id,
 * member events by member id, cohort events by cohort id.
 */
public final class CohortEvents {

    public static final String TOPIC = "program.cohorts";

    public static final String CANDIDATE_SELECTED = "CandidateSelected";
    public static final String CANDIDATE_WAITLISTED = "CandidateWaitlisted";
    public static final String CANDIDATE_NOT_SELECTED = "CandidateNotSelected";
    public static final String OFFER_ACCEPTED = "OfferAccepted";
    public static final String OFFER_DECLINED = "OfferDeclined";
    public static final String OFFER_EXPIRED = "OfferExpired";
    public static final String MEMBER_ENROLLED = "MemberEnrolled";
    public static final String MEMBER_WITHDREW = "MemberWithdrew";
    public static final String MEMBER_GRADUATED = "MemberGraduated";
    public static final String MEMBER_NOT_COMPLETED = "MemberNotCompleted";
    public static final String COHORT_PLANNED = "CohortPlanned";
    public static final String COHORT_STARTED = "CohortStarted";
    public static final String COHORT_COMPLETED = "CohortCompleted";
    public static final String COHORT_DISCARDED = "CohortDiscarded";

    private CohortEvents() {
    }

    /** Selection and offer outcomes: what applications-service needs to move the application on. */
    public record SelectionOutcome(UUID applicationId, UUID cohortId, UUID offerId, String applicantId, String companyName,
                                   Instant offerExpiresAt, Integer waitlistPosition, String reason, Instant at) {
    }

    public record MemberEnrolled(UUID memberId, UUID cohortId, UUID applicationId, String applicantId, String companyName,
                                 List<Contact> contacts, LocalDate cohortStartDate, LocalDate cohortEndDate, Instant enrolledAt) {
    }

    public record MemberLeft(UUID memberId, UUID cohortId, UUID applicationId, String applicantId, String initiatedBy,
                             String reason, Instant at) {
    }

    public record MemberCompleted(UUID memberId, UUID cohortId, UUID applicationId, String applicantId, String note, Instant at) {
    }

    public record CohortTransition(UUID cohortId, String name, String edition, LocalDate startDate, LocalDate endDate, Instant at) {
    }
}
