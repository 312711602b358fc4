package org.stationf.aiprogram.applications.review;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.RowLocks;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ApplicationLeftReview;
import org.stationf.aiprogram.applications.call.Call;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.call.CallView;
import org.stationf.aiprogram.applications.call.Rubric;
import org.stationf.aiprogram.applications.call.RubricChanged;
import org.stationf.aiprogram.applications.call.RubricCriterion;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ReviewService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    CallService calls;

    /** What a list of reviews is narrowed to; null means any. */
    public record Filter(UUID callId, UUID applicationId, Boolean complete) {
    }

    /** Reviewers see their own reviews; admins all. */
    public Page<ReviewView> list(Filter filter, int page, int size) {
        Where where = new Where();
        if (!caller.isAdmin()) {
            where.and("reviewerId in (select r.id from Reviewer r where r.accountId = :account)", "account", caller.id());
        }
        where.and("callId = :call", "call", filter.callId())
                .and("applicationId = :application", "application", filter.applicationId());
        if (filter.complete() != null) {
            where.and(filter.complete() ? "weightedScore is not null" : "weightedScore is null");
        }
        PanacheQuery<Review> reviews = Review.find(where.clause(), Sort.by("assignedAt").and("id"), where.parameters());
        List<Review> onPage = reviews.page(page, size).list();
        if (onPage.isEmpty()) {
            return new Page<>(List.of(), reviews.count(), page, size);
        }
        // One query each for the page's calls, applications and reviewers, not three per review.
        Map<UUID, Call> callsOnPage = Call.<Call>list("id in ?1", onPage.stream().map(r -> r.callId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, Application> applications = Application.<Application>list("id in ?1", onPage.stream().map(r -> r.applicationId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, Reviewer> reviewers = Reviewer.<Reviewer>list("id in ?1", onPage.stream().map(r -> r.reviewerId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        return new Page<>(onPage.stream().map(r -> view(r, callsOnPage.get(r.callId), applications.get(r.applicationId), reviewers.get(r.reviewerId))).toList(),
                reviews.count(), page, size);
    }

    public ReviewView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public ReviewView save(UUID id, ScoresRequest request) {
        Review review = visible(id);
        Reviewer reviewer = Reviewer.findById(review.reviewerId);
        if (!reviewer.accountId.equals(caller.id())) {
            throw ProblemException.forbidden("Only the assigned reviewer scores this review");
        }
        // Shared lock: a rubric change waits for these scores, or these scores for it (CallService.update).
        Call call = calls.lockShared(review.callId);
        // Saves of one review one at a time (a double click's second save waits, then saves over the first), rather
        // than the second failing on the version the first changed. Gone meanwhile: withdrawn by an assignment run
        // (its reviewer now conflicted) or with its application while this save waited.
        RowLocks.forUpdate(Review.getEntityManager(), review).orElseThrow(() -> ProblemException.notFound("Review", id));
        Application application = Application.findById(review.applicationId);
        if (reviewer.conflictsWith(application)) {
            throw ProblemException.conflict("conflict-of-interest", "Conflict of interest", "You declared a conflict of interest with "
                    + application.companyName + ": this review no longer counts, and the next assignment gives the application another reviewer");
        }
        if (clock.instant().isAfter(call.reviewClosesAt)) {
            throw ProblemException.conflict("review-window-closed", "Review window closed",
                    "Reviews of this call were final at " + CallView.inZone(call.reviewClosesAt, call.zone()))
                    .with("reviewClosesAt", CallView.inZone(call.reviewClosesAt, call.zone()).toString());
        }
        check(request.scores(), call.rubric);
        review.scores = List.copyOf(request.scores());
        review.weightedScore = weighted(review.scores, call.rubric);
        review.updatedAt = clock.instant();
        review.persistAndFlush();
        return view(review);
    }

    private Review visible(UUID id) {
        Review review = Review.findById(id);
        if (review == null) {
            throw ProblemException.notFound("Review", id);
        }
        if (!caller.isAdmin()) {
            Reviewer reviewer = Reviewer.findById(review.reviewerId);
            if (!reviewer.accountId.equals(caller.id())) {
                throw ProblemException.notFound("Review", id);
            }
        }
        return review;
    }

    private static void check(List<Score> scores, Rubric rubric) {
        Set<String> criteria = rubric.criteria().stream().map(RubricCriterion::key).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            if (!criteria.contains(score.criterion())) {
                errors.add(new Problem.FieldError("scores[" + i + "].criterion", "is not a criterion of the rubric; criteria are " + criteria));
            } else if (!seen.add(score.criterion())) {
                errors.add(new Problem.FieldError("scores[" + i + "].criterion", "is scored twice"));
            }
            if (score.score() < rubric.scaleMin() || score.score() > rubric.scaleMax()) {
                errors.add(new Problem.FieldError("scores[" + i + "].score",
                        "must be between " + rubric.scaleMin() + " and " + rubric.scaleMax() + ", was " + score.score()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "Some scores do not fit the rubric", errors);
        }
    }

    /**
     * An application withdrawn or no longer eligible needs no more reviewing: its reviews not yet scored go, so that no
     * reviewer lists one as left to score or works on it (eligible again, it gets reviewers at the next assignment);
     * those with scores stay for the record. A save holding a review's row is waited for, and a review it scored stays
     * (the condition is checked again on the row it committed).
     */
    void applicationLeftReview(@Observes ApplicationLeftReview left) {
        Review.getEntityManager().createNativeQuery("DELETE FROM review WHERE application_id = :application AND scores = '[]'::jsonb")
                .setParameter("application", left.application().id).executeUpdate();
    }

    /**
     * Scores already given fix the rubric's criteria and scale: another criterion or scale would leave them out of step.
     * New weights (and labels) are fine: the weighted scores given are computed again.
     */
    void rubricChanged(@Observes RubricChanged change) {
        List<Review> scored = Review.<Review>list("callId", change.call().id).stream()
                .filter(review -> !review.scores.isEmpty()).toList();
        if (scored.isEmpty()) {
            return;
        }
        Rubric before = change.previous();
        Rubric after = change.call().rubric;
        if (!before.scaleMin().equals(after.scaleMin()) || !before.scaleMax().equals(after.scaleMax())
                || !criterionKeys(before).equals(criterionKeys(after))) {
            throw ProblemException.conflict("rubric-in-use", "Rubric in use",
                    scored.size() + " review(s) of this call are already scored on its criteria and its "
                            + before.scaleMin() + "-" + before.scaleMax() + " scale, which stay as they are; the weights and "
                            + "labels can still change, and the weighted scores follow them");
        }
        for (Review review : scored) {
            review.weightedScore = weighted(review.scores, after);
        }
    }

    private static Set<String> criterionKeys(Rubric rubric) {
        return rubric.criteria().stream().map(RubricCriterion::key).collect(Collectors.toSet());
    }

    /** Σ weight × score when every criterion is scored; null otherwise. */
    static BigDecimal weighted(List<Score> scores, Rubric rubric) {
        Map<String, Score> byCriterion = scores.stream().collect(Collectors.toMap(Score::criterion, Function.identity()));
        BigDecimal total = BigDecimal.ZERO;
        for (RubricCriterion criterion : rubric.criteria()) {
            Score score = byCriterion.get(criterion.key());
            if (score == null) {
                return null;
            }
            total = total.add(criterion.weight().multiply(BigDecimal.valueOf(score.score())));
        }
        return total;
    }

    private ReviewView view(Review review) {
        return view(review, Call.findById(review.callId), Application.findById(review.applicationId), Reviewer.findById(review.reviewerId));
    }

    private ReviewView view(Review review, Call call, Application application, Reviewer reviewer) {
        return new ReviewView(review.id, review.version, review.callId, review.applicationId, application.companyName,
                review.reviewerId, review.scores, review.weightedScore != null, review.weightedScore, reviewer.conflictsWith(application), call.reviewClosesAt,
                clock.instant().isAfter(call.reviewClosesAt), review.assignedAt, review.updatedAt);
    }
}
