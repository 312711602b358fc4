package org.stationf.aiprogram.cohorts.milestone;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.cohorts.cohort.Cohort;
import org.stationf.aiprogram.cohorts.cohort.CohortService;
import org.stationf.aiprogram.cohorts.member.Member;
import org.stationf.aiprogram.cohorts.member.MemberService;
import org.stationf.aiprogram.cohorts.member.MemberStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MilestoneService {

    @Schema(name = "MilestoneRequest")
    public record MilestoneRequest(@Schema(example = "January: first paying pilot") @NotBlank @Size(max = 300) String title,
                                   @Schema(example = "Sign a paying pilot with at least one customer") @Size(max = 5000) String description,
                                   @Schema(example = "2024-01-31") @NotNull LocalDate dueDate,
                                   @Schema(description = "On update: the version you read", example = "0") Long version) {
    }

    @Schema(name = "Milestone")
    public record MilestoneView(UUID id, @Schema(example = "0", description = "Send it back when updating") long version, UUID cohortId, @Schema(example = "January: first paying pilot") String title,
                                @Schema(nullable = true, example = "Sign a paying pilot with at least one customer") String description, LocalDate dueDate) {
        static MilestoneView of(Milestone milestone) {
            return new MilestoneView(milestone.id, milestone.version, milestone.cohortId, milestone.title, milestone.description, milestone.dueDate);
        }
    }

    @Schema(name = "MilestoneUpdate")
    public record MilestoneUpdate(@Schema(example = "DONE") @NotNull MilestoneStatus status,
                                  @Schema(example = "Pilot signed with a cooperative of 40 farms") @Size(max = 5000) String update) {
    }

    @Schema(name = "MilestoneComment")
    public record MilestoneComment(@Schema(example = "Great progress; ask Scaleway about GPU credits") @NotBlank @Size(max = 5000) String comment) {
    }

    @Schema(name = "MemberMilestone")
    public record MemberMilestoneView(UUID milestoneId, @Schema(example = "January: first paying pilot") String title, LocalDate dueDate,
                                      MilestoneStatus status, @Schema(nullable = true, example = "Pilot signed with a cooperative of 40 farms") String update,
                                      @Schema(nullable = true, example = "Great progress; ask Scaleway about GPU credits") String adminComment, @Schema(nullable = true) Instant updatedAt, @Schema(description = "Due date passed and not done") boolean overdue) {
    }

    @Schema(name = "MemberProgress")
    public record MemberProgress(UUID memberId, @Schema(example = "Mistral Garden SAS") String companyName, MemberStatus memberStatus, @Schema(example = "5") int milestones, @Schema(example = "3") int done,
                                 @Schema(example = "60") int percentDone, @Schema(example = "1") int overdue, Map<MilestoneStatus, Integer> byStatus) {
    }

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    CohortService cohorts;

    @Inject
    MemberService members;

    @Transactional
    public MilestoneView define(UUID cohortId, MilestoneRequest request) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.cohortId = cohortId;
        milestone.createdAt = clock.instant();
        apply(milestone, cohorts.requireNotCompleted(cohortId), request);
        milestone.persist();
        return MilestoneView.of(milestone);
    }

    /** Members' statuses, updates and comments on it stay as they are. */
    @Transactional
    public MilestoneView edit(UUID cohortId, UUID milestoneId, MilestoneRequest request) {
        Cohort cohort = cohorts.requireNotCompleted(cohortId);
        Milestone milestone = require(cohortId, milestoneId, LockModeType.NONE);
        Versions.requireCurrent("Milestone", milestoneId, request.version(), milestone.version);
        apply(milestone, cohort, request);
        milestone.persistAndFlush();
        return MilestoneView.of(milestone);
    }

    /**
     * Takes back a milestone set by mistake, while no member has reported on it; once one has, removing it would lose
     * that report, so it is refused. The row lock orders it with a member's first report, which reads the milestone
     * FOR SHARE: whichever comes second sees the other's effect (a 409 here, a 404 there).
     */
    @Transactional
    public void remove(UUID cohortId, UUID milestoneId) {
        cohorts.requireNotCompleted(cohortId);
        Milestone milestone = require(cohortId, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        long reports = MemberMilestone.count("milestoneId", milestoneId);
        if (reports > 0) {
            throw ProblemException.conflict("milestone-reported", "Members reported on this milestone", reports
                            + " member(s) reported on milestone " + milestoneId + "; edit it instead of removing it")
                    .with("reports", reports);
        }
        milestone.delete();
    }

    public List<MilestoneView> ofCohort(UUID cohortId) {
        requireVisibleMilestones(cohortId);
        return Milestone.<Milestone>list("cohortId", Sort.by("dueDate").and("id"), cohortId).stream().map(MilestoneView::of).toList();
    }

    /** One milestone, with the version an edit sends back; seen by those who see the cohort's list. */
    public MilestoneView ofCohort(UUID cohortId, UUID milestoneId) {
        requireVisibleMilestones(cohortId);
        return MilestoneView.of(require(cohortId, milestoneId, LockModeType.NONE));
    }

    private void requireVisibleMilestones(UUID cohortId) {
        cohorts.require(cohortId);
        if (!caller.isAdmin() && Member.count("cohortId = ?1 and applicantId = ?2", cohortId, caller.id()) == 0) {
            throw ProblemException.notFound("Cohort milestones for this startup", cohortId);
        }
    }

    public List<MemberMilestoneView> ofMember(UUID memberId) {
        Member member = members.visibleToOwnerOrAdmin(memberId);
        return memberView(member);
    }

    @Transactional
    public MemberMilestoneView update(UUID memberId, UUID milestoneId, MilestoneUpdate update) {
        Member member = members.visibleToOwnerOrAdmin(memberId);
        MemberMilestone progress = progress(member, milestoneId);
        progress.status = update.status();
        progress.updateText = update.update();
        progress.updatedAt = clock.instant();
        progress.persistAndFlush();
        return view(Milestone.findById(milestoneId), progress);
    }

    @Transactional
    public MemberMilestoneView comment(UUID memberId, UUID milestoneId, MilestoneComment comment) {
        Member member = members.visibleToOwnerOrAdmin(memberId);
        MemberMilestone progress = progress(member, milestoneId);
        progress.adminComment = comment.comment();
        progress.updatedAt = clock.instant();
        progress.persistAndFlush();
        return view(Milestone.findById(milestoneId), progress);
    }

    public List<MemberProgress> progress(UUID cohortId) {
        cohorts.require(cohortId);
        return Member.<Member>list("cohortId", Sort.by("companyName").and("id"), cohortId).stream().map(member -> {
            List<MemberMilestoneView> milestones = memberView(member);
            Map<MilestoneStatus, Integer> byStatus = new EnumMap<>(MilestoneStatus.class);
            for (MilestoneStatus status : MilestoneStatus.values()) {
                byStatus.put(status, (int) milestones.stream().filter(m -> m.status() == status).count());
            }
            int done = byStatus.get(MilestoneStatus.DONE);
            int overdue = (int) milestones.stream().filter(MemberMilestoneView::overdue).count();
            return new MemberProgress(member.id, member.companyName, member.status, milestones.size(), done,
                    milestones.isEmpty() ? 0 : done * 100 / milestones.size(), overdue, byStatus);
        }).toList();
    }

    private List<MemberMilestoneView> memberView(Member member) {
        return Milestone.<Milestone>list("cohortId", Sort.by("dueDate").and("id"), member.cohortId).stream()
                .map(milestone -> view(milestone, MemberMilestone.findById(new MemberMilestone.Key(member.id, milestone.id))))
                .toList();
    }

    private MemberMilestone progress(Member member, UUID milestoneId) {
        // With the cohort share-locked, the member cannot leave meanwhile (leaving locks the cohort for update).
        cohorts.requireNotCompleted(member.cohortId);
        Member.getEntityManager().refresh(member);
        MemberService.requireEnrolled(member);
        require(member.cohortId, milestoneId, LockModeType.PESSIMISTIC_READ);
        // A member's report and an admin's comment, or one report sent twice, one at a time: the first creates the
        // member's row, the next reads it as committed and updates it; each PUT succeeds.
        AdvisoryLocks.holdUntilTransactionEnds(MemberMilestone.getEntityManager(), "member-milestone:" + member.id + ":" + milestoneId);
        MemberMilestone progress = MemberMilestone.findById(new MemberMilestone.Key(member.id, milestoneId));
        if (progress == null) {
            progress = new MemberMilestone();
            progress.memberId = member.id;
            progress.milestoneId = milestoneId;
            progress.status = MilestoneStatus.NOT_STARTED;
        }
        return progress;
    }

    private Milestone require(UUID cohortId, UUID milestoneId, LockModeType lock) {
        Milestone milestone = Milestone.findById(milestoneId, lock);
        if (milestone == null || !milestone.cohortId.equals(cohortId)) {
            throw ProblemException.notFound("Milestone", milestoneId);
        }
        return milestone;
    }

    private static void apply(Milestone milestone, Cohort cohort, MilestoneRequest request) {
        if (request.dueDate().isBefore(cohort.startDate) || request.dueDate().isAfter(cohort.endDate)) {
            throw ProblemException.invalid("dueDate", "must fall within the cohort, " + cohort.startDate + " to " + cohort.endDate);
        }
        milestone.title = request.title().trim();
        milestone.description = request.description();
        milestone.dueDate = request.dueDate();
    }

    private MemberMilestoneView view(Milestone milestone, MemberMilestone progress) {
        MilestoneStatus status = progress == null ? MilestoneStatus.NOT_STARTED : progress.status;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean overdue = status != MilestoneStatus.DONE && milestone.dueDate.isBefore(today);
        return new MemberMilestoneView(milestone.id, milestone.title, milestone.dueDate, status,
                progress == null ? null : progress.updateText, progress == null ? null : progress.adminComment,
                progress == null ? null : progress.updatedAt, overdue);
    }
}
