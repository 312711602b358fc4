package org.stationf.aiprogram.cohorts.cohort;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.cohorts.events.CohortEvents;
import org.stationf.aiprogram.cohorts.member.MemberService;
import org.stationf.aiprogram.cohorts.selection.Selection;
import org.stationf.aiprogram.cohorts.selection.SelectionService;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class CohortService {

    /** The program's five winners, unless a cohort says otherwise. */
    static final int DEFAULT_CAPACITY = 5;

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    MemberService members;

    @Inject
    Instance<SelectionService> selections;

    @Transactional
    public CohortView create(CohortRequest request) {
        Cohort cohort = new Cohort();
        cohort.id = UUID.randomUUID();
        cohort.status = CohortStatus.PLANNED;
        cohort.createdAt = clock.instant();
        apply(cohort, request);
        requireNameFree(cohort.callId, cohort.name, cohort.id);
        cohort.persist();
        // resources-service takes a package only for a cohort it has heard of, so that a mistyped id is not given one.
        events.publish(CohortEvents.TOPIC, CohortEvents.COHORT_PLANNED, cohort.id, transitionEvent(cohort));
        return view(cohort);
    }

    @Transactional
    public CohortView update(UUID id, CohortRequest request) {
        // Locked as a selection locks it: no place is taken between counting the places and lowering the capacity.
        Cohort cohort = lock(id);
        Versions.requireCurrent("Cohort", id, request.version(), cohort.version);
        refuseIfCompleted(cohort);
        if (!request.callId().equals(cohort.callId) && cohort.status != CohortStatus.PLANNED) {
            // Its selections were made from that call's shortlist, and the call's other cohorts and never-picked
            // candidates are reckoned with it: a cohort selecting from another call is another cohort.
            throw ProblemException.conflict("cohort-call-fixed", "The cohort's call no longer changes", "Cohort " + id + " is "
                            + cohort.status + " and selects from call " + cohort.callId + "; its call changes only while it is PLANNED")
                    .with("currentStatus", cohort.status.name()).with("callId", cohort.callId);
        }
        requireNameFree(request.callId(), request.name().trim(), id);
        long placesTaken = Selection.placesTaken(id);
        if (capacityOf(request) < placesTaken) {
            throw ProblemException.conflict("capacity-below-taken", "Capacity below places taken",
                            "The cohort already has " + placesTaken + " places taken; a capacity of " + capacityOf(request) + " is too small")
                    .with("placesTaken", placesTaken);
        }
        int capacityBefore = cohort.capacity;
        apply(cohort, request);
        cohort.persistAndFlush();
        if (cohort.capacity > capacityBefore) {
            // Places added before the start are free places like those a decline frees: the waitlist gets them now,
            // not at whichever decline or expiry would have come next.
            selections.get().promoteWaitlist(cohort);
        }
        return view(cohort);
    }

    /** The cohorts, the latest start first; a null filter is no filter. */
    public List<CohortView> list(UUID callId, CohortStatus status) {
        Where where = new Where().and("callId = :callId", "callId", callId).and("status = :status", "status", status);
        return Cohort.<Cohort>list(where.clause(), Sort.by("startDate").descending().and("id"), where.parameters()).stream().map(this::view).toList();
    }

    public CohortView get(UUID id) {
        return view(require(id));
    }

    public Cohort require(UUID id) {
        Cohort cohort = Cohort.findById(id);
        if (cohort == null) {
            throw ProblemException.notFound("Cohort", id);
        }
        return cohort;
    }

    /** The cohort, locked until the end of the transaction: selections of one cohort happen one at a time. */
    public Cohort lock(UUID id) {
        Cohort cohort = require(id);
        // Refreshing under the lock reads the latest committed state, even if this transaction had read an older one.
        Cohort.getEntityManager().refresh(cohort, LockModeType.PESSIMISTIC_WRITE);
        return cohort;
    }

    /**
     * The cohort, read under a share lock so that it cannot complete before this transaction ends, and refused once
     * completed: its calendar, milestones and members' reports are then the record of what happened.
     */
    public Cohort requireNotCompleted(UUID id) {
        Cohort cohort = require(id);
        Cohort.getEntityManager().refresh(cohort, LockModeType.PESSIMISTIC_READ);
        refuseIfCompleted(cohort);
        return cohort;
    }

    public static void refuseIfCompleted(Cohort cohort) {
        if (cohort.status == CohortStatus.COMPLETED) {
            throw ProblemException.conflict("cohort-completed", "Cohort completed", "Cohort " + cohort.id + " completed at "
                    + cohort.completedAt + "; what it holds no longer changes").with("completedAt", cohort.completedAt.toString());
        }
    }

    @Transactional
    public CohortView openSelection(UUID id) {
        Cohort cohort = lock(id);
        transition(cohort, CohortStatus.SELECTING);
        return view(cohort);
    }

    @Transactional
    public CohortView start(UUID id) {
        Cohort cohort = lock(id);
        transition(cohort, CohortStatus.RUNNING);
        cohort.startedAt = clock.instant();
        selections.get().closeSelection(cohort);
        events.publish(CohortEvents.TOPIC, CohortEvents.COHORT_STARTED, cohort.id, transitionEvent(cohort));
        return view(cohort);
    }

    /**
     * A cohort made by mistake (the wrong call, a name mistyped) is taken back while it is still only planned: nobody has
     * been selected into it, and its draft calendar and milestones go with it. Left planned forever, it would keep its
     * call's candidates never picked from hearing so. The event tells resources-service to drop the package it may
     * already hold for the cohort.
     */
    @Transactional
    public void discard(UUID id) {
        Cohort cohort = lock(id);
        if (cohort.status != CohortStatus.PLANNED) {
            throw ProblemException.conflict("cohort-not-planned", "Only a planned cohort is discarded", "Cohort " + id + " is " + cohort.status
                    + "; once selection has opened it stays for the record").with("currentStatus", cohort.status.name());
        }
        for (String drafts : List.of("CalendarEvent", "Milestone")) {
            Cohort.getEntityManager().createQuery("delete from " + drafts + " where cohortId = ?1").setParameter(1, id).executeUpdate();
        }
        events.publish(CohortEvents.TOPIC, CohortEvents.COHORT_DISCARDED, cohort.id, transitionEvent(cohort));
        cohort.delete();
    }

    /** Members still enrolled graduate, or are marked not completed; their partner resources end through the events. */
    @Transactional
    public CohortView complete(UUID id) {
        Cohort cohort = lock(id);
        transition(cohort, CohortStatus.COMPLETED);
        cohort.completedAt = clock.instant();
        members.graduateAll(cohort);
        events.publish(CohortEvents.TOPIC, CohortEvents.COHORT_COMPLETED, cohort.id, transitionEvent(cohort));
        return view(cohort);
    }

    /** Running cohorts whose end date has passed, in their time zone. */
    public List<UUID> dueForCompletion() {
        return Cohort.<Cohort>list("status", CohortStatus.RUNNING).stream()
                .filter(cohort -> !clock.instant().isBefore(cohort.endsAt()))
                .map(cohort -> cohort.id).toList();
    }

    private CohortEvents.CohortTransition transitionEvent(Cohort cohort) {
        return new CohortEvents.CohortTransition(cohort.id, cohort.name, cohort.edition, cohort.startDate, cohort.endDate, clock.instant());
    }

    private static void transition(Cohort cohort, CohortStatus to) {
        if (!cohort.status.next().contains(to)) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition",
                            "Cohort " + cohort.id + " is " + cohort.status + " and cannot become " + to
                                    + "; the lifecycle is PLANNED → SELECTING → RUNNING → COMPLETED")
                    .with("currentStatus", cohort.status.name());
        }
        cohort.status = to;
    }

    private static void apply(Cohort cohort, CohortRequest request) {
        Duration validity = request.offerValidity() == null ? Duration.ofDays(7) : request.offerValidity();
        new InvalidFields()
                .check(request.startDate().isBefore(request.endDate()), "endDate", "must be after startDate")
                .check(!validity.isNegative() && !validity.isZero() && validity.compareTo(Duration.ofDays(90)) <= 0, "offerValidity", "must be between PT1S and P90D")
                .throwIfAny();
        cohort.name = request.name().trim();
        cohort.edition = request.edition().trim();
        cohort.callId = request.callId();
        cohort.startDate = request.startDate();
        cohort.endDate = request.endDate();
        cohort.timeZone = (request.timeZone() == null ? ZoneId.of("Europe/Paris") : request.timeZone()).getId();
        cohort.capacity = capacityOf(request);
        cohort.location = request.location() == null || request.location().isBlank() ? "Station F, Paris" : request.location().trim();
        cohort.offerValidity = validity.toString();
    }

    /**
     * One name per call: a cohort created twice (a double click, a request retried after a timeout) is made once, and
     * the second gets a 409 naming the first, rather than a duplicate that, planned and forgotten, would keep the
     * call's candidates never picked from hearing so. Concurrent creations take turns on the name to see each other;
     * the database's unique index on (call_id, lower(name)) stands behind it, and lower-cases as this query does.
     */
    private static void requireNameFree(UUID callId, String name, UUID cohortId) {
        AdvisoryLocks.holdUntilTransactionEnds(Cohort.getEntityManager(), "cohort-name:" + callId + ":" + name.toLowerCase(Locale.ROOT));
        Cohort namesake = Cohort.find("callId = ?1 and lower(name) = lower(?2) and id <> ?3", callId, name, cohortId).firstResult();
        if (namesake != null) {
            throw ProblemException.conflict("cohort-exists", "Cohort already exists", "The call already has a cohort named \"" + namesake.name
                    + "\" (" + namesake.status + "): edit that one rather than creating it again").with("cohortId", namesake.id);
        }
    }

    private static int capacityOf(CohortRequest request) {
        return request.capacity() == null ? DEFAULT_CAPACITY : request.capacity();
    }

    public CohortView view(Cohort cohort) {
        return new CohortView(cohort.id, cohort.version, cohort.name, cohort.edition, cohort.callId, cohort.startDate,
                cohort.endDate, cohort.timeZone, cohort.capacity, cohort.location, cohort.offerValidity, cohort.status,
                Selection.placesTaken(cohort.id), cohort.startedAt, cohort.completedAt);
    }
}
