package org.stationf.aiprogram.cohorts.selection;

import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.cohorts.candidate.Candidate;
import org.stationf.aiprogram.cohorts.candidate.CandidateService;
import org.stationf.aiprogram.cohorts.candidate.Contact;
import org.stationf.aiprogram.cohorts.cohort.Cohort;
import org.stationf.aiprogram.cohorts.cohort.CohortService;
import org.stationf.aiprogram.cohorts.cohort.CohortStatus;
import org.stationf.aiprogram.cohorts.events.CohortEvents;
import org.stationf.aiprogram.cohorts.member.MemberService;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Selection of winners within a cohort's capacity. Every change to a cohort's places runs with the cohort row locked,
 * so concurrent selections, acceptances, declines and expiries of one cohort happen one after another and the number of
 * places held (offers pending or accepted) never exceeds the capacity.
 */
@ApplicationScoped
public class SelectionService {

    private static final Logger LOG = Logger.getLogger(SelectionService.class);

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    CohortService cohorts;

    @Inject
    CandidateService candidates;

    @Inject
    MemberService members;

    @Inject
    EventPublisher events;

    @Transactional
    public SelectionView select(UUID cohortId, UUID applicationId) {
        Cohort cohort = cohorts.lock(cohortId);
        requireSelecting(cohort);
        Candidate candidate = selectable(cohort, applicationId);
        Selection selection = Selection.find("cohortId = ?1 and applicationId = ?2", cohortId, applicationId).firstResult();
        if (selection != null && selection.status != SelectionStatus.WAITLISTED) {
            throw ProblemException.conflict("already-selected", "Already selected",
                    candidate.companyName + " already has a selection in this cohort: " + selection.status).with("selectionId", selection.id);
        }
        long taken = Selection.placesTaken(cohortId);
        if (taken >= cohort.capacity) {
            throw ProblemException.conflict("cohort-full", "Cohort full",
                            "All " + cohort.capacity + " places of the cohort are taken; waitlist the candidate instead")
                    .with("capacity", cohort.capacity).with("placesTaken", taken);
        }
        boolean wasWaitlisted = selection != null;
        if (selection == null) {
            selection = newSelection(cohortId, applicationId);
        }
        offer(cohort, selection, candidate, "Selected as a winner");
        if (wasWaitlisted) {
            renumberWaitlist(cohortId);
        }
        return view(selection, candidate);
    }

    @Transactional
    public SelectionView waitlist(UUID cohortId, UUID applicationId) {
        Cohort cohort = cohorts.lock(cohortId);
        requireSelecting(cohort);
        Candidate candidate = selectable(cohort, applicationId);
        if (Selection.count("cohortId = ?1 and applicationId = ?2", cohortId, applicationId) > 0) {
            throw ProblemException.conflict("already-selected", "Already selected", candidate.companyName + " already has a selection in this cohort");
        }
        Selection selection = newSelection(cohortId, applicationId);
        selection.status = SelectionStatus.WAITLISTED;
        selection.waitlistPosition = (int) Selection.count("cohortId = ?1 and status = ?2", cohortId, SelectionStatus.WAITLISTED) + 1;
        selection.persist();
        publishOutcome(CohortEvents.CANDIDATE_WAITLISTED, selection, candidate, "Waitlisted at position " + selection.waitlistPosition);
        return view(selection, candidate);
    }

    /** Reorders the waitlist: the given applications first, in that order, then the others as they were. */
    @Transactional
    public List<SelectionView> rankWaitlist(UUID cohortId, List<UUID> applicationIds) {
        cohorts.lock(cohortId);
        List<Selection> waitlist = waitlist(cohortId);
        List<Selection> ordered = new ArrayList<>();
        for (int i = 0; i < applicationIds.size(); i++) {
            UUID applicationId = applicationIds.get(i);
            Selection selection = waitlist.stream().filter(s -> s.applicationId.equals(applicationId)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("applicationIds", "an application that is not on the waitlist: " + applicationId));
            if (!ordered.contains(selection)) {
                ordered.add(selection);
            }
        }
        waitlist.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        numberInOrder(ordered);
        return list(cohortId);
    }

    public List<SelectionView> list(UUID cohortId) {
        cohorts.require(cohortId);
        return Selection.<Selection>list("cohortId", Sort.by("status").and("waitlistPosition").and("offeredAt").and("id"), cohortId)
                .stream().map(s -> view(s, Candidate.findById(s.applicationId))).toList();
    }

    /** The offers of the calling startup (admins: all, or one cohort's). */
    public List<SelectionView> offers(UUID cohortId) {
        List<Selection> selections;
        if (caller.isAdmin()) {
            selections = cohortId == null ? Selection.listAll(Sort.by("createdAt").and("id"))
                    : Selection.list("cohortId", Sort.by("createdAt").and("id"), cohortId);
        } else {
            selections = Selection.list("applicationId in (select c.applicationId from Candidate c where c.applicantId = ?1)",
                    Sort.by("createdAt").and("id"), caller.id());
            if (cohortId != null) {
                selections = selections.stream().filter(s -> s.cohortId.equals(cohortId)).toList();
            }
        }
        return selections.stream().map(s -> view(s, Candidate.findById(s.applicationId))).toList();
    }

    public SelectionView offer(UUID offerId) {
        Selection selection = visible(offerId);
        return view(selection, Candidate.findById(selection.applicationId));
    }

    @Transactional
    public SelectionView accept(UUID offerId, List<Contact> contacts) {
        Selection selection = owned(offerId);
        Cohort cohort = cohorts.lock(selection.cohortId);
        Selection.getEntityManager().refresh(selection);
        requireOffered(selection);
        // The program is over: there is nothing left to join, and a member enrolled now would never graduate.
        CohortService.refuseIfCompleted(cohort);
        if (clock.instant().isAfter(selection.offerExpiresAt)) {
            throw ProblemException.conflict("offer-expired", "Offer expired", "The offer expired at " + selection.offerExpiresAt)
                    .with("offerExpiresAt", selection.offerExpiresAt.toString());
        }
        Candidate candidate = Candidate.findById(selection.applicationId);
        selection.status = SelectionStatus.ACCEPTED;
        selection.decidedAt = clock.instant();
        publishOutcome(CohortEvents.OFFER_ACCEPTED, selection, candidate, "Offer accepted");
        members.enroll(cohort, selection, candidate, contacts == null || contacts.isEmpty() ? candidate.founders : contacts);
        return view(selection, candidate);
    }

    @Transactional
    public SelectionView decline(UUID offerId, String reason) {
        Selection selection = owned(offerId);
        Cohort cohort = cohorts.lock(selection.cohortId);
        Selection.getEntityManager().refresh(selection);
        requireOffered(selection);
        Candidate candidate = Candidate.findById(selection.applicationId);
        settle(selection, SelectionStatus.DECLINED, reason);
        publishOutcome(CohortEvents.OFFER_DECLINED, selection, candidate, reason);
        promoteWaitlist(cohort);
        return view(selection, candidate);
    }

    /** Expires every offer past its expiry, each in its own transaction, and offers the freed places to the waitlist. */
    public int expireDueOffers() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Selection.<Selection>list(
                        "status = ?1 and offerExpiresAt < ?2", Sort.by("offerExpiresAt"), SelectionStatus.OFFERED, clock.instant())
                .stream().map(s -> s.id).toList());
        int expired = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> expire(id))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Offer %s not expired yet: %s", id, e.toString());
            }
        }
        return expired;
    }

    private boolean expire(UUID selectionId) {
        Selection selection = Selection.findById(selectionId);
        Cohort cohort = cohorts.lock(selection.cohortId);
        Selection.getEntityManager().refresh(selection);
        if (selection.status != SelectionStatus.OFFERED || !clock.instant().isAfter(selection.offerExpiresAt)) {
            return false;
        }
        settle(selection, SelectionStatus.EXPIRED, "Not accepted before " + selection.offerExpiresAt);
        publishOutcome(CohortEvents.OFFER_EXPIRED, selection, Candidate.findById(selection.applicationId), selection.reason);
        promoteWaitlist(cohort);
        return true;
    }

    /** The application was withdrawn: its pending offer or waitlist position goes, and a freed place is offered on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void candidateWithdrew(Candidate candidate, String reason) {
        // Every cohort selecting from its call, locked as a selection locks it: a selection racing this withdrawal
        // either commits first, and its offer is withdrawn below, or waits and then finds the candidate withdrawn.
        Map<UUID, Cohort> locked = new HashMap<>();
        for (Cohort cohort : Cohort.<Cohort>list("callId", Sort.by("id"), candidate.callId)) {
            locked.put(cohort.id, cohorts.lock(cohort.id));
        }
        for (Selection selection : Selection.<Selection>list("applicationId = ?1 and status in ?2", candidate.applicationId,
                List.of(SelectionStatus.OFFERED, SelectionStatus.WAITLISTED))) {
            // A cohort whose call was changed after it selected the candidate (before that was refused) is locked here, as before.
            Cohort cohort = locked.computeIfAbsent(selection.cohortId, cohorts::lock);
            boolean heldAPlace = selection.status == SelectionStatus.OFFERED;
            settle(selection, SelectionStatus.WITHDRAWN, reason);
            if (heldAPlace) {
                promoteWaitlist(cohort);
            } else {
                renumberWaitlist(cohort.id);
            }
        }
    }

    /** Before the start, every free place goes to the next on the waitlist; after it, freed places stay free. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promoteWaitlist(Cohort cohort) {
        if (!cohort.status.beforeStart()) {
            return;
        }
        List<Selection> waitlist = waitlist(cohort.id);
        int promoted = 0;
        while (promoted < waitlist.size() && Selection.placesTaken(cohort.id) < cohort.capacity) {
            Selection next = waitlist.get(promoted++);
            offer(cohort, next, Candidate.findById(next.applicationId), "Promoted from the waitlist");
            Selection.getEntityManager().flush();
        }
        if (promoted > 0) {
            numberInOrder(waitlist.subList(promoted, waitlist.size()));
        }
    }

    /**
     * The cohort starts: places freed from now on stay free, so nobody on the waitlist will be offered one. Each is told
     * so, rather than left waiting for an offer that cannot come. Once no cohort of the call is left to select from it,
     * the candidates never offered a place nor waitlisted are told too, each with a selection of its own to read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSelection(Cohort cohort) {
        takeTurnOnCall(cohort.callId);
        for (Selection selection : waitlist(cohort.id)) {
            notSelected(selection, "The cohort started before a place came free");
        }
        if (stillSelecting(cohort.callId)) {
            return;
        }
        for (Candidate candidate : Candidate.<Candidate>list("callId = ?1 and withdrawnAt is null and applicationId not in "
                + "(select s.applicationId from Selection s where s.cohortId in (select c.id from Cohort c where c.callId = ?1))",
                Sort.by("shortlistedAt").and("applicationId"), cohort.callId)) {
            notSelected(newSelection(cohort.id, candidate.applicationId), "Not among the winners chosen before the cohort started");
        }
    }

    /**
     * A candidate shortlisted once every cohort of its call has started (a shortlist published late, or its event held
     * up) can no longer be picked: it hears so at once from the cohort that started last, as those left at its start did.
     * Until its call has a cohort, or while one still selects, it waits to be picked like any other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shortlisted(Candidate candidate) {
        takeTurnOnCall(candidate.callId);
        if (stillSelecting(candidate.callId)) {
            return;
        }
        Cohort.<Cohort>find("callId = ?1 and startedAt is not null", Sort.by("startedAt").descending().and("id"), candidate.callId)
                .firstResultOptional()
                .ifPresent(lastStarted -> notSelected(newSelection(lastStarted.id, candidate.applicationId),
                        "Shortlisted after the call's last cohort started"));
    }

    /**
     * Starts, late shortlists and selections of one call take turns: two cohorts starting at once would otherwise each
     * see the other still selecting and neither tell the candidates never picked, a candidate recorded during a start
     * would be missed by both, and two cohorts could select one startup at once. Whichever comes second sees what the
     * first committed. Taken after the cohort's row lock, never before it, so the two never wait on each other in a circle.
     */
    private static void takeTurnOnCall(UUID callId) {
        AdvisoryLocks.holdUntilTransactionEnds(Selection.getEntityManager(), "cohort-call-selection:" + callId);
    }

    /** Whether a cohort of the call is still planned or selecting, so may yet pick its candidates. */
    private static boolean stillSelecting(UUID callId) {
        return Cohort.count("callId = ?1 and status in ?2", callId, CohortStatus.BEFORE_START) > 0;
    }

    private void notSelected(Selection selection, String reason) {
        settle(selection, SelectionStatus.NOT_SELECTED, reason);
        selection.persist();
        publishOutcome(CohortEvents.CANDIDATE_NOT_SELECTED, selection, Candidate.findById(selection.applicationId), reason);
    }

    /** An offer or a place in line comes to its outcome, now, for this reason; it is no longer in line. */
    private void settle(Selection selection, SelectionStatus outcome, String reason) {
        selection.status = outcome;
        selection.waitlistPosition = null;
        selection.decidedAt = clock.instant();
        selection.reason = reason;
    }

    /** A position is a place in line: whoever leaves the waitlist moves those behind it up, so it counts from 1. */
    private void renumberWaitlist(UUID cohortId) {
        numberInOrder(waitlist(cohortId));
    }

    private static List<Selection> waitlist(UUID cohortId) {
        return Selection.list("cohortId = ?1 and status = ?2", Sort.by("waitlistPosition").and("createdAt"), cohortId, SelectionStatus.WAITLISTED);
    }

    private static void numberInOrder(List<Selection> waitlist) {
        for (int i = 0; i < waitlist.size(); i++) {
            waitlist.get(i).waitlistPosition = i + 1;
        }
    }

    private void offer(Cohort cohort, Selection selection, Candidate candidate, String reason) {
        Instant now = clock.instant();
        selection.status = SelectionStatus.OFFERED;
        selection.offeredAt = now;
        selection.offerExpiresAt = now.plus(cohort.offerValidity());
        selection.waitlistPosition = null;
        selection.persist();
        publishOutcome(CohortEvents.CANDIDATE_SELECTED, selection, candidate, reason);
    }

    private void publishOutcome(String type, Selection selection, Candidate candidate, String reason) {
        events.publish(CohortEvents.TOPIC, type, selection.applicationId, new CohortEvents.SelectionOutcome(selection.applicationId,
                selection.cohortId, selection.id, candidate.applicantId, candidate.companyName,
                selection.status == SelectionStatus.OFFERED ? selection.offerExpiresAt : null, selection.waitlistPosition, reason,
                clock.instant()));
    }

    private Selection newSelection(UUID cohortId, UUID applicationId) {
        Selection selection = new Selection();
        selection.id = UUID.randomUUID();
        selection.cohortId = cohortId;
        selection.applicationId = applicationId;
        selection.createdAt = clock.instant();
        return selection;
    }

    private Candidate selectable(Cohort cohort, UUID applicationId) {
        // Named in the body, not the path: an unknown application is a bad field, not a missing resource.
        Candidate candidate = candidates.find(applicationId)
                .orElseThrow(() -> ProblemException.invalid("applicationId", "no shortlisted application " + applicationId));
        if (!candidate.callId.equals(cohort.callId)) {
            throw ProblemException.conflict("not-a-candidate", "Not a candidate of this cohort",
                    candidate.companyName + " was shortlisted in another call than this cohort's");
        }
        if (candidate.withdrawnAt != null) {
            throw ProblemException.conflict("candidate-withdrawn", "Candidate withdrew", candidate.companyName + " withdrew its application");
        }
        // One cohort per startup and call: its application follows that cohort's answer, and no startup holds two places,
        // nor two members' grants. Taking the call's turn, two cohorts selecting the same startup at once see each other.
        takeTurnOnCall(cohort.callId);
        Selection elsewhere = Selection.find("applicationId = ?1 and cohortId <> ?2", Sort.by("createdAt"), applicationId, cohort.id).firstResult();
        if (elsewhere != null) {
            throw ProblemException.conflict("selected-in-another-cohort", "Selected in another cohort", candidate.companyName + " is "
                            + elsewhere.status + " in cohort " + elsewhere.cohortId + "; a startup is selected or waitlisted in one cohort of its call")
                    .with("cohortId", elsewhere.cohortId).with("selectionStatus", elsewhere.status.name());
        }
        return candidate;
    }

    private static void requireSelecting(Cohort cohort) {
        if (cohort.status != CohortStatus.SELECTING) {
            throw ProblemException.conflict("cohort-not-selecting", "Cohort not selecting",
                    "Cohort " + cohort.id + " is " + cohort.status + "; winners are selected while it is SELECTING");
        }
    }

    private static void requireOffered(Selection selection) {
        if (selection.status != SelectionStatus.OFFERED) {
            throw ProblemException.conflict("offer-not-open", "Offer not open", "Offer " + selection.id + " is " + selection.status)
                    .with("currentStatus", selection.status.name());
        }
    }

    private Selection visible(UUID offerId) {
        Selection selection = Selection.findById(offerId);
        if (selection == null || !(caller.isAdmin() || ownedByCaller(selection))) {
            throw ProblemException.notFound("Offer", offerId);
        }
        return selection;
    }

    private Selection owned(UUID offerId) {
        Selection selection = Selection.findById(offerId);
        if (selection == null || !ownedByCaller(selection)) {
            throw ProblemException.notFound("Offer", offerId);
        }
        return selection;
    }

    private boolean ownedByCaller(Selection selection) {
        Candidate candidate = Candidate.findById(selection.applicationId);
        return candidate != null && candidate.applicantId.equals(caller.id());
    }

    static SelectionView view(Selection selection, Candidate candidate) {
        return new SelectionView(selection.id, selection.cohortId, selection.applicationId, candidate == null ? null : candidate.companyName,
                selection.status, selection.waitlistPosition, selection.offeredAt, selection.offerExpiresAt, selection.decidedAt, selection.reason);
    }
}
