package org.stationf.aiprogram.cohorts.calendar;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.cohorts.cohort.Cohort;
import org.stationf.aiprogram.cohorts.cohort.CohortService;
import org.stationf.aiprogram.cohorts.member.Member;
import org.stationf.aiprogram.cohorts.member.MemberService;

import java.time.Clock;
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
        if (caller.isAdmin() || caller.is(Roles.PARTNER)) {
            return event -> true;
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
