package org.stationf.aiprogram.cohorts.calendar;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.cohorts.cohort.Cohort;
import org.stationf.aiprogram.cohorts.cohort.CohortService;
import org.stationf.aiprogram.cohorts.member.Member;
import org.stationf.aiprogram.cohorts.member.MemberService;
import org.stationf.aiprogram.eventing.PoisonEventException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

@ApplicationScoped
public class CalendarService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    CohortService cohorts;

    @Inject
    MemberService members;

    @Transactional
    public CalendarEventView create(UUID cohortId, CalendarEventRequest request) {
        cohorts.requireNotCompleted(cohortId);
        CalendarEvent event = new CalendarEvent();
        event.id = UUID.randomUUID();
        event.cohortId = cohortId;
        event.createdAt = clock.instant();
        apply(event, request);
        event.persist();
        return CalendarEventView.of(event);
    }

    @Transactional
    public CalendarEventView update(UUID cohortId, UUID eventId, CalendarEventRequest request) {
        cohorts.requireNotCompleted(cohortId);
        CalendarEvent event = require(cohortId, eventId);
        requireAddedByAdmins(event);
        if (event.cancelledAt != null) {
            throw ProblemException.conflict("event-cancelled", "Event cancelled", "Calendar event " + eventId + " was cancelled at "
                    + event.cancelledAt + "; create a new one instead").with("cancelledAt", event.cancelledAt.toString());
        }
        Versions.requireCurrent("Calendar event", eventId, request.version(), event.version);
        apply(event, request);
        event.persistAndFlush();
        return CalendarEventView.of(event);
    }

    /** Marks it cancelled, once: its version, the iCalendar SEQUENCE, grows so calendar apps take the change. */
    @Transactional
    public void cancel(UUID cohortId, UUID eventId) {
        cohorts.requireNotCompleted(cohortId);
        CalendarEvent event = require(cohortId, eventId);
        requireAddedByAdmins(event);
        if (event.cancelledAt == null) {
            event.cancelledAt = clock.instant();
            event.updatedAt = event.cancelledAt;
            event.persistAndFlush();
        }
    }

    /**
     * Admins and partners see the cohort's whole calendar; a startup the events it attends, if it is a member (once it
     * has left, those of its time in the program).
     */
    public List<CalendarEvent> visibleEvents(UUID cohortId) {
        Predicate<CalendarEvent> visible = visibleToCaller(cohortId);
        return CalendarEvent.<CalendarEvent>list("cohortId", Sort.by("startsAt").and("id"), cohortId).stream().filter(visible).toList();
    }

    /** One event of the cohort's calendar, to whom {@link #visibleEvents} shows it; to anyone else it does not exist. */
    public CalendarEvent visibleEvent(UUID cohortId, UUID eventId) {
        Predicate<CalendarEvent> visible = visibleToCaller(cohortId);
        CalendarEvent event = require(cohortId, eventId);
        if (!visible.test(event)) {
            throw ProblemException.notFound("Calendar event", eventId);
        }
        return event;
    }

    /** Which of the cohort's events the caller sees; a startup that is not a member sees no calendar at all (404). */
    private Predicate<CalendarEvent> visibleToCaller(UUID cohortId) {
        cohorts.require(cohortId);
        if (caller.isAdmin()) {
            return event -> true;
        }
        if (caller.is(Roles.PARTNER)) {
            // A member's mentoring session is between the member and the mentor's partner.
            return event -> event.mentoringSessionId == null || caller.actsFor(event.partner);
        }
        List<Member> mine = Member.list("cohortId = ?1 and applicantId = ?2", cohortId, caller.id());
        if (mine.isEmpty()) {
            throw ProblemException.notFound("Cohort calendar for this startup", cohortId);
        }
        return event -> mine.stream().anyMatch(member -> event.attendedBy(member));
    }

    public List<CalendarEvent> memberEvents(UUID memberId) {
        Member member = members.visibleToOwnerOrAdmin(memberId);
        return CalendarEvent.<CalendarEvent>list("cohortId", Sort.by("startsAt").and("id"), member.cohortId).stream()
                .filter(event -> event.attendedBy(member)).toList();
    }

    public String cohortName(UUID cohortId) {
        Cohort cohort = cohorts.require(cohortId);
        return cohort.name;
    }

    public String memberCalendarName(UUID memberId) {
        Member member = members.visibleToOwnerOrAdmin(memberId);
        return cohortName(member.cohortId) + " – " + member.companyName;
    }

    /**
     * A mentoring session booked by a member in resources-service joins the member's calendar, and reads as it was last
     * announced (its mentor or partner renamed since): once whatever the redelivery; a session of a member this service
     * does not know is refused as poison.
     */
    @Transactional
    public void showMentoringSession(MentoringSession session) {
        CalendarEvent event = showing(session.sessionId());
        if (event == null) {
            Member member = Member.findById(session.memberId());
            if (member == null) {
                throw new PoisonEventException("no member " + session.memberId() + " in this service for mentoring session " + session.sessionId());
            }
            event = new CalendarEvent();
            event.id = UUID.randomUUID();
            event.cohortId = member.cohortId;
            event.kind = EventKind.MENTORING;
            event.description = "Mentoring session " + session.sessionId() + ", booked by " + member.companyName
                    + ". The mentor's side gives the place or link; it is cancelled where it was booked.";
            event.attendees = List.of(member.id);
            event.mentoringSessionId = session.sessionId();
            event.createdAt = clock.instant();
        }
        String title = "Mentoring with " + session.mentorName() + " (" + session.partnerName() + ")";
        // Unchanged (a session announced again as it was), it keeps its SEQUENCE: calendar apps have nothing to replace.
        if (!title.equals(event.title) || !session.startsAt().equals(event.startsAt) || !session.endsAt().equals(event.endsAt)
                || !session.partner().equals(event.partner)) {
            event.title = title;
            event.startsAt = session.startsAt();
            event.endsAt = session.endsAt();
            event.partner = session.partner();
            event.updatedAt = clock.instant();
        }
        event.persist();
    }

    /** A session cancelled (by the member, the mentor's side, or its grant's end) is marked so; one that took place stays as it is. */
    @Transactional
    public void mentoringSessionEnded(UUID sessionId, String status, Instant at) {
        CalendarEvent event = showing(sessionId);
        if (event == null) {
            // Booked and cancelled before bookings were events: never announced, so never in the calendar.
            return;
        }
        if (status.startsWith("CANCELLED") && event.cancelledAt == null) {
            event.cancelledAt = at;
            event.updatedAt = at;
        }
    }

    /**
     * What a member booked in resources-service, as its calendar shows it (the partner by its code and by its name): the
     * fields of MentoringSessionBooked this service reads, others ignored.
     */
    public record MentoringSession(@NotNull UUID sessionId, @NotNull UUID memberId, @NotBlank String mentorName, @NotBlank String partner,
                                   @NotBlank String partnerName, @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    /** The calendar event showing this mentoring session; null while none does. */
    private static CalendarEvent showing(UUID mentoringSessionId) {
        return CalendarEvent.find("mentoringSessionId", mentoringSessionId).firstResult();
    }

    private static void requireAddedByAdmins(CalendarEvent event) {
        if (event.mentoringSessionId != null) {
            throw ProblemException.conflict("mentoring-session", "Event follows a mentoring session", "Calendar event " + event.id
                            + " shows mentoring session " + event.mentoringSessionId + ", which changes where it was booked: "
                            + "POST /api/resources/sessions/" + event.mentoringSessionId + "/cancel cancels it, and this event with it")
                    .with("sessionId", event.mentoringSessionId.toString());
        }
    }

    private CalendarEvent require(UUID cohortId, UUID eventId) {
        CalendarEvent event = CalendarEvent.findById(eventId);
        if (event == null || !event.cohortId.equals(cohortId)) {
            throw ProblemException.notFound("Calendar event", eventId);
        }
        return event;
    }

    private void apply(CalendarEvent event, CalendarEventRequest request) {
        InvalidFields invalid = new InvalidFields()
                .check(request.startsAt().isBefore(request.endsAt()), "endsAt", "must be after startsAt")
                .check(request.location() != null && !request.location().isBlank() || request.link() != null && !request.link().isBlank(),
                        "location", "give a place, a link, or both");
        if (request.attendees() != null) {
            for (int i = 0; i < request.attendees().size(); i++) {
                Member member = Member.findById(request.attendees().get(i));
                invalid.check(member != null && member.cohortId.equals(event.cohortId), "attendees[" + i + "]", "is not a member of this cohort");
            }
        }
        invalid.throwIfAny();
        event.kind = request.kind();
        event.title = request.title().trim();
        event.description = request.description();
        event.startsAt = request.startsAt().toInstant();
        event.endsAt = request.endsAt().toInstant();
        event.location = request.location();
        event.link = request.link();
        event.partner = request.partner();
        event.attendees = request.attendees() == null ? null : List.copyOf(request.attendees());
        event.updatedAt = clock.instant();
    }
}
