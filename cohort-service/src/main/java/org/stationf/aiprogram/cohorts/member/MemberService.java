package org.stationf.aiprogram.cohorts.member;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.cohorts.candidate.Candidate;
import org.stationf.aiprogram.cohorts.candidate.Contact;
import org.stationf.aiprogram.cohorts.cohort.Cohort;
import org.stationf.aiprogram.cohorts.cohort.CohortService;
import org.stationf.aiprogram.cohorts.events.CohortEvents;
import org.stationf.aiprogram.cohorts.selection.Selection;
import org.stationf.aiprogram.cohorts.selection.SelectionService;
import org.stationf.aiprogram.cohorts.selection.SelectionStatus;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EventPublisher events;

    @Inject
    Instance<CohortService> cohorts;

    @Inject
    Instance<SelectionService> selections;

    @Transactional(Transactional.TxType.MANDATORY)
    public Member enroll(Cohort cohort, Selection selection, Candidate candidate, List<Contact> contacts) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.cohortId = cohort.id;
        member.selectionId = selection.id;
        member.applicationId = candidate.applicationId;
        member.applicantId = candidate.applicantId;
        member.companyName = candidate.companyName;
        member.contacts = List.copyOf(contacts);
        member.status = MemberStatus.ENROLLED;
        member.enrolledAt = clock.instant();
        member.persist();
        events.publish(CohortEvents.TOPIC, CohortEvents.MEMBER_ENROLLED, member.id, new CohortEvents.MemberEnrolled(member.id,
                cohort.id, member.applicationId, member.applicantId, member.companyName, member.contacts, cohort.startDate,
                cohort.endDate, member.enrolledAt));
        return member;
    }

    /** Admins see every member; partners the public part of each; a startup only its own membership. */
    public List<MemberView> ofCohort(UUID cohortId) {
        cohorts.get().require(cohortId);
        List<Member> members = Member.list("cohortId", Sort.by("enrolledAt").and("id"), cohortId);
        if (caller.isAdmin()) {
            return members.stream().map(MemberView::full).toList();
        }
        if (caller.is(Roles.PARTNER)) {
            return members.stream().map(MemberView::publicPart).toList();
        }
        return members.stream().filter(member -> member.applicantId.equals(caller.id())).map(MemberView::full).toList();
    }

    public List<MemberView> mine() {
        return Member.<Member>list("applicantId", Sort.by("enrolledAt"), caller.id()).stream().map(MemberView::full).toList();
    }

    public MemberView get(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        if (caller.isAdmin() || member.applicantId.equals(caller.id())) {
            return MemberView.full(member);
        }
        if (caller.is(Roles.PARTNER)) {
            return MemberView.publicPart(member);
        }
        throw ProblemException.notFound("Member", id);
    }

    /** The member itself (or the startup account that owns it), or an admin, as the caller is allowed. */
    public Member visibleToOwnerOrAdmin(UUID id) {
        Member member = Member.findById(id);
        if (member == null || !(caller.isAdmin() || member.applicantId.equals(caller.id()))) {
            throw ProblemException.notFound("Member", id);
        }
        return member;
    }

    @Transactional
    public MemberView withdraw(UUID id, String reason) {
        Member member = Member.findById(id);
        if (member == null || !member.applicantId.equals(caller.id())) {
            throw ProblemException.notFound("Member", id);
        }
        return leave(member, MemberStatus.WITHDRAWN, "MEMBER", reason);
    }

    @Transactional
    public MemberView remove(UUID id, String reason) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        return leave(member, MemberStatus.REMOVED, "ADMIN", reason);
    }

    @Transactional
    public MemberView setCompletion(UUID id, boolean completed, String note) {
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member", id);
        }
        // Without a version: a second setting at once waits, then applies over the first (or finds the member gone).
        Member.getEntityManager().refresh(member, LockModeType.PESSIMISTIC_WRITE);
        requireEnrolled(member);
        member.completed = completed;
        member.completionNote = note;
        member.persistAndFlush();
        return MemberView.full(member);
    }

    /**
     * The startup withdrew its application in applications-service while its acceptance of the offer was on its way
     * there (or the broker was down): the withdrawal came last, so it leaves the cohort as if it had withdrawn here,
     * and its place goes to the waitlist before the start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applicationWithdrawn(UUID applicationId, String reason) {
        for (Member member : Member.<Member>list("applicationId = ?1 and status = ?2", applicationId, MemberStatus.ENROLLED)) {
            Cohort cohort = lockedWith(member);
            // The member may have left meanwhile (by itself, removed by an admin) or graduated with the cohort's completion.
            if (member.status == MemberStatus.ENROLLED) {
                depart(member, cohort, MemberStatus.WITHDRAWN, "MEMBER", reason);
            }
        }
    }

    /** At completion: each enrolled member graduates, or is marked not completed if an admin said so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void graduateAll(Cohort cohort) {
        for (Member member : Member.<Member>list("cohortId = ?1 and status = ?2", cohort.id, MemberStatus.ENROLLED)) {
            member.status = member.completed ? MemberStatus.GRADUATED : MemberStatus.NOT_COMPLETED;
            member.leftAt = clock.instant();
            events.publish(CohortEvents.TOPIC, member.completed ? CohortEvents.MEMBER_GRADUATED : CohortEvents.MEMBER_NOT_COMPLETED,
                    member.id, new CohortEvents.MemberCompleted(member.id, cohort.id, member.applicationId, member.applicantId,
                            member.completionNote, member.leftAt));
        }
    }

    private MemberView leave(Member member, MemberStatus status, String initiatedBy, String reason) {
        Cohort cohort = lockedWith(member);
        requireEnrolled(member);
        CohortService.refuseIfCompleted(cohort);
        return depart(member, cohort, status, initiatedBy, reason);
    }

    /** The member's cohort, locked as selections lock it, with the member read again under that lock. */
    private Cohort lockedWith(Member member) {
        Cohort cohort = cohorts.get().lock(member.cohortId);
        Member.getEntityManager().refresh(member);
        return cohort;
    }

    /** An enrolled member leaves its locked cohort; before the start, its place goes to the waitlist. */
    private MemberView depart(Member member, Cohort cohort, MemberStatus status, String initiatedBy, String reason) {
        member.status = status;
        member.leftAt = clock.instant();
        member.leftReason = reason;
        Selection selection = Selection.findById(member.selectionId);
        selection.status = SelectionStatus.WITHDRAWN;
        selection.reason = reason;
        events.publish(CohortEvents.TOPIC, CohortEvents.MEMBER_WITHDREW, member.id, new CohortEvents.MemberLeft(member.id,
                cohort.id, member.applicationId, member.applicantId, initiatedBy, reason, member.leftAt));
        Member.getEntityManager().flush();
        selections.get().promoteWaitlist(cohort);
        return MemberView.full(member);
    }

    public static void requireEnrolled(Member member) {
        if (member.status != MemberStatus.ENROLLED) {
            throw ProblemException.conflict("not-enrolled", "Not enrolled", "Member " + member.id + " is " + member.status);
        }
    }
}
