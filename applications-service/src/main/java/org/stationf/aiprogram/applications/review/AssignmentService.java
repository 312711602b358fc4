package org.stationf.aiprogram.applications.review;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.applications.call.Call;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.call.CallStatus;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each eligible submitted application of a call its N reviewers: never a conflicted one, always the least
 * loaded first (ties by account id, so runs are reproducible). Rerunning fills what is missing: a review whose
 * reviewer has since declared a conflict with the application is replaced, withdrawn if unscored, kept for the record
 * if scored (the ranking leaves it out). Reviews of a reviewer deactivated or taken off the committee stay and count:
 * such a reviewer only gets no new ones.
 */
@ApplicationScoped
public class AssignmentService {

    @Schema(name = "AssignmentReport")
    public record AssignmentReport(
            @Schema(description = "Eligible submitted applications considered", example = "42") int applications,
            @Schema(description = "New assignments made by this run", example = "126") int assignmentsCreated,
            @Schema(description = "Unscored reviews this run withdrew, their reviewer having since declared a conflict with the application; replaced where it could",
                    example = "0") int assignmentsWithdrawn,
            @Schema(description = "Scored reviews found whose reviewer has since declared a conflict with the application: kept for the record, "
                    + "left out of the ranking, and replaced where it could", example = "0") int reviewsRecused,
            @Schema(description = "Applications that could not get all their reviewers (too few unconflicted reviewers)") List<Understaffed> understaffed) {
    }

    @Schema(name = "Understaffed")
    public record Understaffed(UUID applicationId, @Schema(example = "1") int missingReviewers) {
    }

    @Inject
    CallService calls;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Transactional
    public AssignmentReport assign(UUID callId) {
        Call call = calls.lock(callId);
        if (call.status == CallStatus.DRAFT) {
            throw ProblemException.conflict("call-not-published", "Call not published", "Reviewers are assigned to a published call");
        }
        List<Application> applications = Application.list("callId = ?1 and status = ?2 and eligibility = ?3",
                Sort.by("submittedAt").and("id"), callId, ApplicationStatus.SUBMITTED, EligibilityOutcome.ELIGIBLE);
        List<Reviewer> reviewers = committee(callId).stream().filter(reviewer -> reviewer.active).toList();
        if (reviewers.isEmpty()) {
            throw ProblemException.conflict("no-reviewers", "No reviewers", "The call has no active reviewers; set them with PUT /calls/" + callId + "/reviewers");
        }
        Map<UUID, Application> considered = new HashMap<>();
        applications.forEach(application -> considered.put(application.id, application));
        Map<UUID, Long> load = new HashMap<>();
        Map<UUID, Set<UUID>> assigned = new HashMap<>();
        int withdrawn = 0;
        int recused = 0;
        for (Review review : Review.<Review>list("callId", callId)) {
            Application application = considered.get(review.applicationId);
            if (application != null && Reviewer.<Reviewer>findById(review.reviewerId).conflictsWith(application)) {
                if (review.scores.isEmpty()) {
                    review.delete();
                    withdrawn++;
                    continue;
                }
                recused++;
            } else {
                assigned.computeIfAbsent(review.applicationId, id -> new HashSet<>()).add(review.reviewerId);
            }
            load.merge(review.reviewerId, 1L, Long::sum);
        }

        int created = 0;
        List<Understaffed> understaffed = new ArrayList<>();
        for (Application application : applications) {
            Set<UUID> already = assigned.computeIfAbsent(application.id, id -> new HashSet<>());
            int needed = call.reviewersPerApplication - already.size();
            if (needed <= 0) {
                continue;
            }
            List<Reviewer> picked = reviewers.stream()
                    .filter(reviewer -> !already.contains(reviewer.id) && !reviewer.conflictsWith(application))
                    .sorted(Comparator.<Reviewer>comparingLong(reviewer -> load.getOrDefault(reviewer.id, 0L))
                            .thenComparing(reviewer -> reviewer.accountId))
                    .limit(needed)
                    .toList();
            for (Reviewer reviewer : picked) {
                Review review = new Review();
                review.id = UUID.randomUUID();
                review.callId = callId;
                review.applicationId = application.id;
                review.reviewerId = reviewer.id;
                review.assignedAt = clock.instant();
                review.persist();
                already.add(reviewer.id);
                load.merge(reviewer.id, 1L, Long::sum);
                created++;
            }
            if (picked.size() < needed) {
                understaffed.add(new Understaffed(application.id, needed - picked.size()));
            }
        }
        return new AssignmentReport(applications.size(), created, withdrawn, recused, understaffed);
    }

    /** Sets the call's review committee; existing assignments stay. */
    @Transactional
    public List<ReviewerView> setCommittee(UUID callId, List<UUID> reviewerIds) {
        calls.lock(callId);
        for (int i = 0; i < reviewerIds.size(); i++) {
            if (Reviewer.findById(reviewerIds.get(i)) == null) {
                throw ProblemException.invalid("reviewerIds[" + i + "]", "no reviewer " + reviewerIds.get(i));
            }
        }
        entityManager.createNativeQuery("DELETE FROM call_reviewer WHERE call_id = :call").setParameter("call", callId).executeUpdate();
        for (UUID reviewerId : new LinkedHashSet<>(reviewerIds)) {
            entityManager.createNativeQuery("INSERT INTO call_reviewer (call_id, reviewer_id) VALUES (:call, :reviewer)")
                    .setParameter("call", callId).setParameter("reviewer", reviewerId).executeUpdate();
        }
        return committee(callId).stream().map(ReviewerView::of).toList();
    }

    public List<Reviewer> committee(UUID callId) {
        calls.require(callId);
        return Reviewer.list("id in (select cr.reviewerId from CallReviewer cr where cr.callId = ?1)", Sort.by("accountId"), callId);
    }
}
