package org.stationf.aiprogram.resources.mentoring;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.resources.enrollment.Enrollment;
import org.stationf.aiprogram.resources.events.MentoringEvents;
import org.stationf.aiprogram.resources.grant.Grant;
import org.stationf.aiprogram.resources.grant.GrantEnding;
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.grant.GrantStatus;
import org.stationf.aiprogram.resources.ledger.EntryType;
import org.stationf.aiprogram.resources.ledger.Ledger;
import org.stationf.aiprogram.resources.partner.Partner;
import org.stationf.aiprogram.resources.resourcepackage.ResourceKind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Mentors publish slots, members book them, a slot is never double-booked, and hours are debited from the member's
 * mentoring grant of the mentor's partner when a session is delivered, missed, or cancelled late (see SessionStatus).
 */
@ApplicationScoped
public class MentoringService {

    static final Duration FREE_CANCELLATION_NOTICE = Duration.ofHours(24);
    /** Shorter is no mentoring session; under a minute, its hours (to the hundredth) would even be 0.00. */
    static final Duration SHORTEST_SLOT = Duration.ofMinutes(15);

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    GrantService grants;

    @Inject
    Ledger ledger;

    @Inject
    MentoringEvents mentoringEvents;

    @Inject
    EntityManager entityManager;

    @Transactional
    public MentoringViews.MentorView register(MentoringViews.MentorRequest request) {
        String partner = caller.isAdmin() ? request.partner() : caller.requirePartner();
        if (partner == null) {
            throw ProblemException.invalid("partner", "is required: the partner the mentor belongs to");
        }
        if (Partner.findById(partner) == null) {
            throw ProblemException.invalid("partner", "no partner " + partner);
        }
        Mentor mentor = new Mentor();
        mentor.id = UUID.randomUUID();
        mentor.partner = partner;
        mentor.createdAt = clock.instant();
        describe(mentor, request);
        mentor.persist();
        return MentoringViews.MentorView.of(mentor);
    }

    /**
     * A mentor's name, email and expertise, as its partner now gives them; it stays with its partner. Sent twice at
     * once, both succeed (the second waits for the first). Renamed, its booked sessions are announced again, so
     * members' calendars and the partner's system show the new name.
     */
    @Transactional
    public MentoringViews.MentorView edit(UUID mentorId, MentoringViews.MentorRequest request) {
        Mentor mentor = lockedOwnMentor(mentorId);
        if (request.partner() != null && !request.partner().equals(mentor.partner)) {
            throw ProblemException.invalid("partner", "a mentor stays with its partner, " + mentor.partner + "; leave it out or send " + mentor.partner);
        }
        String formerName = mentor.name;
        describe(mentor, request);
        if (!mentor.name.equals(formerName)) {
            mentoringEvents.mentorRenamed(mentor);
        }
        return MentoringViews.MentorView.of(mentor);
    }

    /** Sets what the request says of the mentor; its email (in any case) must be one its partner has given no other mentor. */
    private void describe(Mentor mentor, MentoringViews.MentorRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        // A registration sent twice at once (a retry after a timeout), or an edit to the email another registers: one at a time.
        AdvisoryLocks.holdUntilTransactionEnds(entityManager, "mentor:" + mentor.partner + ":" + email);
        Mentor registered = Mentor.<Mentor>find("partner = ?1 and email = ?2", mentor.partner, email).firstResult();
        if (registered != null && !registered.id.equals(mentor.id)) {
            throw ProblemException.conflict("mentor-exists", "Mentor already registered", mentor.partner + " already registered mentor "
                            + registered.id + " with email " + email + (registered.active ? "" : ", now inactive (activate it rather than registering it again)"))
                    .with("mentorId", registered.id);
        }
        mentor.name = request.name().trim();
        mentor.email = email;
        mentor.expertise = request.expertise() == null ? List.of() : List.copyOf(request.expertise());
    }

    /** Partners see their own mentors; members and admins see every active mentor. */
    public List<MentoringViews.MentorView> mentors() {
        List<Mentor> mentors = caller.is(Roles.PARTNER) && !caller.isAdmin()
                ? Mentor.list("partner", Sort.by("name"), caller.requirePartner())
                : Mentor.list("active", Sort.by("partner").and("name"), true);
        return mentors.stream().map(MentoringViews.MentorView::of).toList();
    }

    /** As in the list: a partner reads its own mentors, a member's startup the active ones, admins any. */
    public MentoringViews.MentorView mentor(UUID mentorId) {
        Mentor mentor = visibleMentor(mentorId);
        if (caller.is(Roles.APPLICANT) && !caller.isAdmin() && !mentor.active) {
            throw ProblemException.notFound("Mentor", mentorId);
        }
        return MentoringViews.MentorView.of(mentor);
    }

    /**
     * A mentor who leaves the program stops taking bookings: its open slots are withdrawn at once (a booking racing this
     * loses the slot's conditional update); sessions already booked stay, for the partner to hold or cancel for free (a
     * slot one of them frees is not reopened). Back in the program, the mentor publishes new slots.
     */
    @Transactional
    public MentoringViews.MentorView setActive(UUID mentorId, boolean active) {
        Mentor mentor = lockedOwnMentor(mentorId);
        mentor.active = active;
        if (!active) {
            Slot.update("status = ?1, version = version + 1 where mentorId = ?2 and status = ?3", Slot.CANCELLED, mentor.id, Slot.OPEN);
        }
        return MentoringViews.MentorView.of(mentor);
    }

    @Transactional
    public MentoringViews.SlotView publishSlot(UUID mentorId, MentoringViews.SlotRequest request) {
        Mentor mentor = ownMentor(mentorId);
        Instant starts = request.startsAt().toInstant();
        Instant ends = request.endsAt().toInstant();
        // An end before the start is a negative duration, so it never also reads as "longer than 8 hours".
        new InvalidFields()
                .check(!starts.isBefore(clock.instant()), "startsAt", "must be in the future")
                .check(starts.isBefore(ends), "endsAt", "must be after startsAt")
                .check(!starts.isBefore(ends) || Duration.between(starts, ends).compareTo(SHORTEST_SLOT) >= 0, "endsAt",
                        "a slot lasts at least 15 minutes")
                .check(Duration.between(starts, ends).compareTo(Duration.ofHours(8)) <= 0, "endsAt", "a slot lasts at most 8 hours")
                .throwIfAny();
        // Locked and read again: a deactivation committed while this request ran is seen, and no slot opens after it.
        entityManager.refresh(mentor, LockModeType.PESSIMISTIC_WRITE);
        if (!mentor.active) {
            throw ProblemException.conflict("mentor-inactive", "Mentor inactive", "Mentor " + mentor.id + " no longer takes bookings; activate it first");
        }
        if (Slot.count("mentorId = ?1 and status <> ?2 and startsAt < ?3 and endsAt > ?4", mentor.id, Slot.CANCELLED, ends, starts) > 0) {
            throw ProblemException.conflict("slot-overlap", "Overlapping slot", "The mentor already has a slot overlapping " + starts + " – " + ends);
        }
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.mentorId = mentor.id;
        slot.startsAt = starts;
        slot.endsAt = ends;
        slot.status = Slot.OPEN;
        slot.createdAt = clock.instant();
        slot.persist();
        return view(slot, mentor);
    }

    /** Open slots still to come: members (who book them) and admins see every mentor's, a partner its own mentors'. */
    public List<MentoringViews.SlotView> openSlots() {
        Where where = new Where().and("status = :status", "status", Slot.OPEN).and("startsAt > :now", "now", clock.instant());
        if (caller.is(Roles.PARTNER) && !caller.isAdmin()) {
            where.and("mentorId in (select m.id from Mentor m where m.partner = :partner)", "partner", caller.requirePartner());
        }
        return Slot.<Slot>list(where.clause(), Sort.by("startsAt"), where.parameters()).stream()
                .map(slot -> view(slot, Mentor.findById(slot.mentorId))).toList();
    }

    /**
     * One mentor's slots whatever their status, those starting from {@code from} (inclusive) until {@code to}
     * (exclusive) when given; like its mentors list, a partner sees only its own mentors.
     */
    public List<MentoringViews.SlotView> slotsOf(UUID mentorId, Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from (" + from + "), was " + to);
        }
        Mentor mentor = visibleMentor(mentorId);
        Where where = new Where().and("mentorId = :mentor", "mentor", mentorId)
                .and("startsAt >= :earliest", "earliest", from)
                .and("startsAt < :latest", "latest", to);
        return Slot.<Slot>list(where.clause(), Sort.by("startsAt"), where.parameters()).stream().map(slot -> view(slot, mentor)).toList();
    }

    /** One slot whatever its status; like a mentor's slots, a partner reads only its own mentors'. */
    public MentoringViews.SlotView slot(UUID slotId) {
        Slot slot = findSlot(slotId, this::seesAllOf);
        return view(slot, Mentor.findById(slot.mentorId));
    }

    /**
     * The mentor's side takes back an open slot still to come. It is withdrawn with a conditional update, so of a booking
     * and a withdrawal at once exactly one takes effect; a booked slot is left to its session, which the mentor's side
     * cancels free of charge.
     */
    @Transactional
    public void withdrawSlot(UUID slotId) {
        Slot slot = findSlot(slotId, mentor -> caller.actsFor(mentor.partner));
        if (Slot.CANCELLED.equals(slot.status)) {
            return;
        }
        requireNotStarted(slot);
        int withdrawn = entityManager.createNativeQuery(
                        "UPDATE mentoring_slot SET status = 'CANCELLED', version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .setParameter("id", slotId).executeUpdate();
        if (withdrawn == 1) {
            return;
        }
        // Withdrawn or booked meanwhile: read again as committed now (a new statement sees what the race's winner committed).
        entityManager.refresh(slot);
        if (Slot.CANCELLED.equals(slot.status)) {
            return;
        }
        Session session = Session.<Session>find("slotId", Sort.by("bookedAt").descending(), slotId).firstResult();
        throw ProblemException.conflict("slot-booked", "Slot booked", "Slot " + slotId + " is booked by session " + session.id
                        + (session.status == SessionStatus.BOOKED
                        ? ": cancel the session from the mentor's side (free for the member) if it will not take place"
                        : ", which ended as " + session.status + " and keeps it"))
                .with("sessionId", session.id);
    }

    /**
     * Books a slot for one of the caller's members. The slot is claimed with a conditional update, so of two concurrent
     * bookings exactly one wins; the member must have an active mentoring grant of the mentor's partner with enough hours
     * left after its other booked sessions.
     */
    @Transactional
    public MentoringViews.SessionView book(UUID slotId, UUID memberId) {
        Enrollment member = Enrollment.findById(memberId);
        if (member == null || !member.applicantId.equals(caller.id())) {
            throw ProblemException.invalid("memberId", "is not one of your members");
        }
        if (!Enrollment.ENROLLED.equals(member.status)) {
            throw ProblemException.conflict("not-enrolled", "Not enrolled", "The member has left the cohort");
        }
        Slot slot = Slot.findById(slotId);
        if (slot == null) {
            throw ProblemException.notFound("Slot", slotId);
        }
        requireNotStarted(slot);
        Mentor mentor = Mentor.findById(slot.mentorId);
        // The names the booking is announced under hold until it commits: a rename of the mentor or of its partner
        // either commits first, and the booking reads the new names, or waits for the booking, then announces it
        // again. Locked before the slot is claimed: a deactivation locks the mentor, then its slots, in that order too.
        entityManager.refresh(mentor, LockModeType.PESSIMISTIC_READ);
        entityManager.refresh(Partner.findById(mentor.partner), LockModeType.PESSIMISTIC_READ);
        Grant grant = Grant.<Grant>find("memberId = ?1 and partner = ?2 and kind = ?3 and status = ?4", memberId, mentor.partner,
                ResourceKind.MENTORING_HOURS, GrantStatus.ACTIVE).firstResult();
        if (grant == null) {
            throw ProblemException.conflict("no-mentoring-grant", "No mentoring hours",
                    "The member has no active mentoring grant from " + mentor.partner);
        }
        grant = grants.lock(grant.id);
        if (grant.status != GrantStatus.ACTIVE) {
            throw ProblemException.conflict("no-mentoring-grant", "No mentoring hours",
                    "The member's mentoring grant from " + mentor.partner + " is " + grant.status);
        }
        BigDecimal reserved = Session.<Session>list("grantId = ?1 and status = ?2", grant.id, SessionStatus.BOOKED).stream()
                .map(session -> ((Slot) Slot.findById(session.slotId)).hours()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (grant.balance.subtract(reserved).compareTo(slot.hours()) < 0) {
            throw ProblemException.conflict("insufficient-balance", "Insufficient balance",
                            "The member has " + grant.balance.subtract(reserved).toPlainString() + " hours not yet booked; the slot takes " + slot.hours().toPlainString())
                    .with("balance", grant.balance.toPlainString()).with("booked", reserved.toPlainString()).with("unit", grant.unit.name());
        }
        int claimed = entityManager.createNativeQuery(
                        "UPDATE mentoring_slot SET status = 'BOOKED', version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .setParameter("id", slotId).executeUpdate();
        if (claimed == 0) {
            throw ProblemException.conflict("slot-taken", "Slot taken", "Slot " + slotId + " is no longer open");
        }
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.slotId = slotId;
        session.memberId = memberId;
        session.grantId = grant.id;
        session.status = SessionStatus.BOOKED;
        session.bookedAt = clock.instant();
        session.persist();
        mentoringEvents.publish(MentoringEvents.BOOKED, session);
        return view(session);
    }

    @Transactional
    public MentoringViews.SessionView delivered(UUID sessionId) {
        return endStarted(sessionId, SessionStatus.DELIVERED, "Mentoring session delivered");
    }

    @Transactional
    public MentoringViews.SessionView noShow(UUID sessionId) {
        return endStarted(sessionId, SessionStatus.NO_SHOW, "Member did not attend the mentoring session");
    }

    /** The mentor's side reports how a session that has started went; both outcomes debit the slot's hours. */
    private MentoringViews.SessionView endStarted(UUID sessionId, SessionStatus status, String reason) {
        Session session = forMentorSide(sessionId);
        Slot slot = Slot.findById(session.slotId);
        if (clock.instant().isBefore(slot.startsAt)) {
            throw ProblemException.conflict("session-not-started", "Session not started", "The session starts at " + slot.startsAt);
        }
        return end(session, status, true, reason);
    }

    @Transactional
    public MentoringViews.SessionView cancel(UUID sessionId, String reason) {
        Session session = requireSession(sessionId);
        Slot slot = Slot.findById(session.slotId);
        Mentor mentor = Mentor.findById(slot.mentorId);
        boolean mentorSide = caller.actsFor(mentor.partner);
        boolean memberSide = onMemberSide(session);
        if (!mentorSide && !memberSide) {
            throw ProblemException.notFound("Mentoring session", sessionId);
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason;
        if (mentorSide && !memberSide) {
            slot.status = Slot.CANCELLED;
            return end(session, SessionStatus.CANCELLED_BY_MENTOR, false, "Cancelled by the mentor: " + why);
        }
        if (!clock.instant().plus(FREE_CANCELLATION_NOTICE).isAfter(slot.startsAt)) {
            free(slot);
            return end(session, SessionStatus.CANCELLED_EARLY, false, "Cancelled 24 hours or more ahead: " + why);
        }
        return end(session, SessionStatus.CANCELLED_LATE, true, "Cancelled less than 24 hours ahead, hours due: " + why);
    }

    /** What a list of sessions is narrowed to; null means any. */
    public record SessionFilter(SessionStatus status, UUID memberId, UUID mentorId) {
    }

    /** A startup sees its members' sessions, a partner its mentors', admins all; in the order they take place. */
    public Page<MentoringViews.SessionView> sessions(SessionFilter filter, int page, int size) {
        Where where = new Where().and("sl.id = s.slotId");
        if (caller.is(Roles.PARTNER) && !caller.isAdmin()) {
            where.and("sl.mentorId in (select m.id from Mentor m where m.partner = :partner)", "partner", caller.requirePartner());
        } else if (!caller.isAdmin()) {
            where.and("s.memberId in (select e.memberId from Enrollment e where e.applicantId = :applicant)", "applicant", caller.id());
        }
        where.and("s.status = :status", "status", filter.status())
                .and("s.memberId = :member", "member", filter.memberId())
                .and("sl.mentorId = :mentor", "mentor", filter.mentorId());
        String from = " from Session s, Slot sl where " + where.clause();
        TypedQuery<Long> count = where.bind(entityManager.createQuery("select count(s)" + from, Long.class));
        TypedQuery<Object[]> select = where.bind(entityManager.createQuery("select s, sl" + from + " order by sl.startsAt, s.id", Object[].class));
        List<Object[]> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<UUID, Mentor> mentors = rows.isEmpty() ? Map.of() : Mentor.<Mentor>list("id in ?1", rows.stream().map(row -> ((Slot) row[1]).mentorId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(mentor -> mentor.id, Function.identity()));
        return new Page<>(rows.stream().map(row -> view((Session) row[0], (Slot) row[1], mentors.get(((Slot) row[1]).mentorId))).toList(),
                count.getSingleResult(), page, size);
    }

    /** One session, seen by those whose list holds it: the member's startup, the mentor's partner, admins. */
    public MentoringViews.SessionView session(UUID sessionId) {
        Session session = requireSession(sessionId);
        Slot slot = Slot.findById(session.slotId);
        Mentor mentor = Mentor.findById(slot.mentorId);
        if (!caller.actsFor(mentor.partner) && !onMemberSide(session)) {
            throw ProblemException.notFound("Mentoring session", sessionId);
        }
        return view(session, slot, mentor);
    }

    private MentoringViews.SessionView end(Session session, SessionStatus status, boolean debit, String reason) {
        // Ends of a grant's sessions, and the grant's own end, one at a time: each sees the session as the one before left it.
        Grant grant = grants.lock(session.grantId);
        Session.getEntityManager().refresh(session);
        if (session.status != SessionStatus.BOOKED) {
            throw ProblemException.conflict("session-ended", "Session already ended", "Session " + session.id + " is " + session.status);
        }
        Slot slot = Slot.findById(session.slotId);
        if (debit) {
            ledger.append(grant, EntryType.DEBIT, slot.hours().negate(), caller.actor(), reason, "session:" + session.id);
        } else if (!grant.status.open()) {
            // Its hours were held back when the grant ended (it was under way); not owed after all, they go as the rest went.
            ledger.append(grant, grant.status == GrantStatus.REVOKED ? EntryType.REVOKE : EntryType.EXPIRE, slot.hours().negate(),
                    "resources-service", "Hours held for session " + session.id + ", which ended without a charge", "session:" + session.id);
        }
        session.status = status;
        session.endedAt = clock.instant();
        session.note = reason;
        mentoringEvents.publish(MentoringEvents.ENDED, session);
        return view(session);
    }

    /**
     * A member's mentoring grant ends (the member left, its cohort completed, the grant expired): its sessions still to
     * come are cancelled free of charge and their slots reopen for other members; the hours of those that have started
     * and are not reported yet are held back from what the grant loses, so the mentor's side reports them as usual.
     */
    void grantEnding(@Observes GrantEnding ending) {
        Grant grant = ending.grant();
        if (grant.kind != ResourceKind.MENTORING_HOURS) {
            return;
        }
        Instant now = clock.instant();
        for (Session session : Session.<Session>list("grantId = ?1 and status = ?2", grant.id, SessionStatus.BOOKED)) {
            Slot slot = Slot.findById(session.slotId);
            if (slot.startsAt.isAfter(now)) {
                free(slot);
                session.status = SessionStatus.CANCELLED_GRANT_ENDED;
                session.endedAt = now;
                session.note = "Cancelled free of charge: the member's mentoring grant "
                        + (ending.endsAs() == GrantStatus.REVOKED ? "was revoked" : "expired") + " (" + ending.reason() + ")";
                mentoringEvents.publish(MentoringEvents.ENDED, session);
            } else {
                ending.hold(slot.hours());
            }
        }
    }

    /**
     * A booked slot given up in time (by the member, or by its grant's end) opens for other members, unless its mentor
     * has left meanwhile: then it is withdrawn, as the mentor's open slots were. The mentor is read under a share lock,
     * so a deactivation running now either is seen here or waits, then withdraws the slot this reopened.
     */
    private void free(Slot slot) {
        Mentor mentor = Mentor.findById(slot.mentorId);
        entityManager.refresh(mentor, LockModeType.PESSIMISTIC_READ);
        slot.status = mentor.active ? Slot.OPEN : Slot.CANCELLED;
    }

    private static Session requireSession(UUID sessionId) {
        Session session = Session.findById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Mentoring session", sessionId);
        }
        return session;
    }

    /** The startup whose member booked the session; the mentor's side is whoever acts for the mentor's partner. */
    private boolean onMemberSide(Session session) {
        return caller.is(Roles.APPLICANT) && ((Enrollment) Enrollment.findById(session.memberId)).applicantId.equals(caller.id());
    }

    private Session forMentorSide(UUID sessionId) {
        Session session = requireSession(sessionId);
        Mentor mentor = Mentor.findById(((Slot) Slot.findById(session.slotId)).mentorId);
        if (!caller.actsFor(mentor.partner)) {
            throw ProblemException.notFound("Mentoring session", sessionId);
        }
        return session;
    }

    private Mentor visibleMentor(UUID mentorId) {
        return findMentor(mentorId, this::seesAllOf);
    }

    /** A mentor and its slots, open or not: a partner sees only its own mentors', members' startups and admins any. */
    private boolean seesAllOf(Mentor mentor) {
        return !caller.is(Roles.PARTNER) || caller.actsFor(mentor.partner);
    }

    /** One the caller manages: its partner's, or any for admins. */
    private Mentor ownMentor(UUID mentorId) {
        return findMentor(mentorId, mentor -> caller.actsFor(mentor.partner));
    }

    /** A slot that has started is neither booked nor withdrawn any more. */
    private void requireNotStarted(Slot slot) {
        if (!slot.startsAt.isAfter(clock.instant())) {
            throw ProblemException.conflict("slot-past", "Slot started", "The slot started at " + slot.startsAt);
        }
    }

    /** One the caller manages, locked until the transaction ends: edits of a mentor apply one after the other. */
    private Mentor lockedOwnMentor(UUID mentorId) {
        Mentor mentor = ownMentor(mentorId);
        entityManager.refresh(mentor, LockModeType.PESSIMISTIC_WRITE);
        return mentor;
    }

    /** A slot whose mentor is not there for this caller does not exist for it (404), like one that does not exist at all. */
    private static Slot findSlot(UUID slotId, Predicate<Mentor> thereForCaller) {
        Slot slot = Slot.findById(slotId);
        Mentor mentor = slot == null ? null : Mentor.findById(slot.mentorId);
        if (mentor == null || !thereForCaller.test(mentor)) {
            throw ProblemException.notFound("Slot", slotId);
        }
        return slot;
    }

    /** A mentor not there for this caller does not exist for it (404), like one that does not exist at all. */
    private static Mentor findMentor(UUID mentorId, Predicate<Mentor> thereForCaller) {
        Mentor mentor = Mentor.findById(mentorId);
        if (mentor == null || !thereForCaller.test(mentor)) {
            throw ProblemException.notFound("Mentor", mentorId);
        }
        return mentor;
    }

    private static MentoringViews.SlotView view(Slot slot, Mentor mentor) {
        return new MentoringViews.SlotView(slot.id, slot.mentorId, mentor.name, mentor.partner, slot.startsAt, slot.endsAt, slot.hours(), slot.status);
    }

    private MentoringViews.SessionView view(Session session) {
        Slot slot = Slot.findById(session.slotId);
        return view(session, slot, Mentor.findById(slot.mentorId));
    }

    private static MentoringViews.SessionView view(Session session, Slot slot, Mentor mentor) {
        return new MentoringViews.SessionView(session.id, slot.id, session.memberId, session.grantId, mentor.name, mentor.partner,
                slot.startsAt, slot.endsAt, slot.hours(), session.status, session.bookedAt, session.endedAt, session.note);
    }
}
