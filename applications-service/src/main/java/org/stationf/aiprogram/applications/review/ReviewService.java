package org.stationf.aiprogram.applications.review;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.call.Call;
import org.stationf.aiprogram.applications.call.CallView;
import org.stationf.aiprogram.applications.call.Rubric;
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

    /** Reviewers see their own reviews; admins all, optionally of one call or application. */
    public List<ReviewView> list(UUID callId, UUID applicationId) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (!caller.isAdmin()) {
            query.append(" and reviewerId in (select r.id from Reviewer r where r.accountId = :account)");
            parameters.put("account", caller.id());
        }
        if (callId != null) {
            query.append(" and callId = :call");
            parameters.put("call", callId);
        }
        if (applicationId != null) {
            query.append(" and applicationId = :application");
            parameters.put("application", applicationId);
        }
        return Review.<Review>list(query.toString(), Sort.by("assignedAt").and("id"), parameters).stream().map(this::view).toList();
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
        Call call = Call.findById(review.callId);
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
        Call call = Call.findById(review.callId);
        Application application = Application.findById(review.applicationId);
        return new ReviewView(review.id, review.version, review.callId, review.applicationId, application.companyName,
                review.reviewerId, review.scores, review.weightedScore != null, review.weightedScore, call.reviewClosesAt,
                clock.instant().isAfter(call.reviewClosesAt), review.assignedAt, review.updatedAt);
    }
}
