package org.stationf.aiprogram.resources.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    public record SessionEvent(UUID sessionId, UUID cohortId, UUID memberId, UUID mentorId, String mentorName, String partner,
                               String partnerName, Instant startsAt, Instant endsAt, String status, String note, Instant at) {
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
                session.memberId, mentor.id, mentor.name, mentor.partner, partner.name, slot.startsAt, slot.endsAt, session.status.name(),
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
