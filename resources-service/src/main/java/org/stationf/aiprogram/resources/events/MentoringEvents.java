package org.stationf.aiprogram.resources.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.grant.Grant;
import org.stationf.aiprogram.resources.mentoring.Mentor;
import org.stationf.aiprogram.resources.mentoring.Session;
import org.stationf.aiprogram.resources.mentoring.SessionStatus;
import org.stationf.aiprogram.resources.mentoring.Slot;
import org.stationf.aiprogram.resources.partner.Partner;
import org.stationf.aiprogram.resources.webhook.Webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The mentoring event family, published on {@link #TOPIC} keyed by session id, and delivered to the mentor's partner as
 * a signed webhook, both recorded in the transaction that books, changes or ends the session: cohort-service puts each
 * booked session in its member's calendar, keeps it as it now reads and marks it when it is cancelled; the partner's
 * system tells its mentor.
 */
@ApplicationScoped
public class MentoringEvents {

    public static final String TOPIC = "program.mentoring";

    public static final String BOOKED = "MentoringSessionBooked";
    /** Still booked, but reads otherwise: its mentor, or the mentor's partner, was renamed. */
    public static final String CHANGED = "MentoringSessionChanged";
    /** Delivered, missed, or cancelled: {@code status} says which. */
    public static final String ENDED = "MentoringSessionEnded";

    /** The event's data: the session as it is after the change (on the topic, and in the partner's webhook). */
    @Schema(name = "MentoringSessionEvent", description = "A mentoring session with one of the partner's mentors, as it is after the change the event announces")
    public record SessionEvent(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID cohortId,
                               @Schema(required = true) UUID memberId, @Schema(required = true) UUID mentorId,
                               @Schema(required = true, example = "Dr. Lea Fontaine") String mentorName,
                               @Schema(required = true, example = "META") String partner,
                               @Schema(required = true, example = "Meta") String partnerName,
                               @Schema(required = true) Instant startsAt, @Schema(required = true) Instant endsAt,
                               @Schema(required = true) SessionStatus status,
                               @Schema(nullable = true, example = "Our demo moved to that morning", description = "Why it ended so, once it ended") String note,
                               @Schema(required = true, description = "When the change was made") Instant at) {
    }

    @Inject
    Webhooks webhooks;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, Session session) {
        Slot slot = Slot.findById(session.slotId);
        Mentor mentor = Mentor.findById(slot.mentorId);
        Grant grant = Grant.findById(session.grantId);
        Partner partner = Partner.findById(mentor.partner);
        webhooks.publishAndDeliver(mentor.partner, TOPIC, type, session.id, new SessionEvent(session.id, grant.cohortId,
                session.memberId, mentor.id, mentor.name, mentor.partner, partner.name, slot.startsAt, slot.endsAt, session.status,
                session.note, clock.instant()));
    }

    /** The mentor was renamed: its booked sessions are announced again, as they now read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mentorRenamed(Mentor mentor) {
        announceBookedAgain("mentor.id = ?2", mentor.id);
    }

    /** The partner was renamed: the booked sessions of all its mentors are announced again, as they now read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void partnerRenamed(Partner partner) {
        announceBookedAgain("mentor.partner = ?2", partner.code);
    }

    /** Each booked session whose mentor meets the condition (on ?2), in the order they take place, as CHANGED. */
    private void announceBookedAgain(String mentorCondition, Object value) {
        Session.<Session>list("select session from Session session, Slot slot, Mentor mentor where session.slotId = slot.id"
                        + " and slot.mentorId = mentor.id and session.status = ?1 and " + mentorCondition + " order by slot.startsAt",
                SessionStatus.BOOKED, value).forEach(session -> publish(CHANGED, session));
    }
}
