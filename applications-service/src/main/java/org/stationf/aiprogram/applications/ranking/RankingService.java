package org.stationf.aiprogram.applications.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.review.Review;
import org.stationf.aiprogram.applications.review.Reviewer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ranks a call's applications so that a harsh reviewer does not sink one and a lenient one does not float another:
 * each review's weighted score becomes a z-score within its reviewer's reviews of the call, and an application's
 * normalized score is the mean of its z-scores.
 */
@ApplicationScoped
public class RankingService {

    public static final String METHOD = "A review whose reviewer has since declared a conflict with the application is recused: "
            + "left out of everything below and listed apart. Each complete review's weighted score (Σ weight × score) is standardized within its "
            + "reviewer's complete reviews of the call: z = (score − reviewer's mean) / reviewer's standard deviation; a "
            + "reviewer with fewer than two reviews or identical scores gives z = 0. An application's normalized score is the "
            + "mean of its z-scores, its spread their standard deviation. Ties on the normalized score (to 6 decimals) are "
            + "broken by raw mean score (to 6 decimals, higher first), then number of reviews (more first), then submission "
            + "time (earlier first), then application id.";

    private static final Comparator<Scored> ORDER = Comparator
            .comparing(Scored::normalizedKey, Comparator.reverseOrder())
            .thenComparing(Scored::rawKey, Comparator.reverseOrder())
            .thenComparing(Scored::reviews, Comparator.reverseOrder())
            .thenComparing(Scored::submittedAt)
            .thenComparing(scored -> scored.application().id);

    @Inject
    CallService calls;

    record Scored(Application application, double normalized, double raw, int reviews, double spread, double lowest,
                  double highest, Instant submittedAt) {
        // Compared to 6 decimals: means equal in decimal can differ in binary (2.2 against 2.1999999999999997).
        BigDecimal normalizedKey() {
            return BigDecimal.valueOf(normalized).setScale(6, RoundingMode.HALF_UP);
        }

        BigDecimal rawKey() {
            return BigDecimal.valueOf(raw).setScale(6, RoundingMode.HALF_UP);
        }
    }

    public RankingView rank(UUID callId) {
        calls.require(callId);
        Map<UUID, Application> applications = Application.<Application>list("callId", callId).stream()
                .collect(Collectors.toMap(application -> application.id, Function.identity()));
        Map<UUID, Reviewer> reviewers = Reviewer.<Reviewer>list("id in (select r.reviewerId from Review r where r.callId = ?1)", callId).stream()
                .collect(Collectors.toMap(reviewer -> reviewer.id, Function.identity()));
        List<Review> complete = new ArrayList<>();
        List<RankingView.Recusal> recused = new ArrayList<>();
        for (Review review : Review.<Review>list("callId = ?1 and weightedScore is not null", callId)) {
            if (reviewers.get(review.reviewerId).conflictsWith(applications.get(review.applicationId))) {
                recused.add(new RankingView.Recusal(review.id, review.applicationId, review.reviewerId));
            } else {
                complete.add(review);
            }
        }
        Map<UUID, double[]> reviewerStats = reviewerMeanAndDeviation(complete);
        Map<UUID, List<Double>> zByApplication = new HashMap<>();
        Map<UUID, List<Double>> rawByApplication = new HashMap<>();
        for (Review review : complete) {
            double score = review.weightedScore.doubleValue();
            double[] stats = reviewerStats.get(review.reviewerId);
            double z = stats[1] == 0 ? 0 : (score - stats[0]) / stats[1];
            zByApplication.computeIfAbsent(review.applicationId, id -> new ArrayList<>()).add(z);
            rawByApplication.computeIfAbsent(review.applicationId, id -> new ArrayList<>()).add(score);
        }

        List<Application> candidates = applications.values().stream()
                .filter(application -> application.status != ApplicationStatus.DRAFT && application.status != ApplicationStatus.WITHDRAWN).toList();
        List<Scored> scored = new ArrayList<>();
        List<UUID> unscored = new ArrayList<>();
        for (Application application : candidates) {
            List<Double> zs = zByApplication.get(application.id);
            if (zs == null) {
                if (application.status == ApplicationStatus.SUBMITTED) {
                    unscored.add(application.id);
                }
                continue;
            }
            List<Double> raws = rawByApplication.get(application.id);
            scored.add(new Scored(application, mean(zs), mean(raws), zs.size(), deviation(zs),
                    raws.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    raws.stream().mapToDouble(Double::doubleValue).max().orElse(0), application.submittedAt));
        }
        scored.sort(ORDER);

        List<RankingView.Entry> entries = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored current = scored.get(i);
            String tieBreak = i == 0 ? null : tieBreak(scored.get(i - 1), current);
            entries.add(new RankingView.Entry(i + 1, current.application().id, current.application().companyName,
                    round(current.normalized()), round(current.raw()), current.reviews(), round(current.spread()),
                    round(current.lowest()), round(current.highest()), tieBreak));
        }
        unscored.sort(Comparator.naturalOrder());
        recused.sort(Comparator.comparing(RankingView.Recusal::applicationId).thenComparing(RankingView.Recusal::reviewId));
        return new RankingView(callId, METHOD, entries, unscored, recused);
    }

    private static String tieBreak(Scored before, Scored after) {
        if (before.normalizedKey().compareTo(after.normalizedKey()) != 0) {
            return null;
        }
        String tied = "Tied with " + before.application().companyName + " on normalized score " + before.normalizedKey().toPlainString() + "; ";
        if (before.rawKey().compareTo(after.rawKey()) != 0) {
            return tied + "placed after it on raw score (" + after.rawKey().toPlainString() + " < " + before.rawKey().toPlainString() + ")";
        }
        if (before.reviews() != after.reviews()) {
            return tied + "placed after it on number of reviews (" + after.reviews() + " < " + before.reviews() + ")";
        }
        if (!before.submittedAt().equals(after.submittedAt())) {
            return tied + "placed after it on submission time (submitted later)";
        }
        return tied + "placed after it on application id";
    }

    /** Per reviewer: {mean, population standard deviation} of its complete weighted scores; deviation 0 below two reviews. */
    private static Map<UUID, double[]> reviewerMeanAndDeviation(List<Review> reviews) {
        Map<UUID, List<Double>> byReviewer = new HashMap<>();
        for (Review review : reviews) {
            byReviewer.computeIfAbsent(review.reviewerId, id -> new ArrayList<>()).add(review.weightedScore.doubleValue());
        }
        Map<UUID, double[]> stats = new HashMap<>();
        byReviewer.forEach((reviewer, scores) ->
                stats.put(reviewer, new double[]{mean(scores), scores.size() < 2 ? 0 : deviation(scores)}));
        return stats;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double deviation(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        return Math.sqrt(variance);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
