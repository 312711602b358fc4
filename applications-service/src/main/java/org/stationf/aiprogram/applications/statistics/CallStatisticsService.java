package org.stationf.aiprogram.applications.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stationf.aiprogram.applications.application.ApplicationStatus;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts over a call's applications, made by the database rather than by loading them. */
@ApplicationScoped
public class CallStatisticsService {

    private static final String IN_THE_RUNNING = "a.callId = :call and a.status not in (:excluded)";
    private static final List<ApplicationStatus> NOT_IN_THE_RUNNING = List.of(ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN);

    @Inject
    EntityManager entityManager;

    @Inject
    CallService calls;

    public CallStatistics of(UUID callId) {
        calls.require(callId);
        Map<ApplicationStatus, Long> byStatus = everyValue(ApplicationStatus.class, grouped(
                "select a.status, count(a) from Application a where a.callId = :call group by a.status", callId, false));
        List<CallStatistics.ReviewerProgress> reviewers = reviewers(callId);
        return new CallStatistics(callId,
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus,
                everyValue(EligibilityOutcome.class, grouped("select a.eligibility, count(a) from Application a where " + IN_THE_RUNNING
                        + " and a.eligibility is not null group by a.eligibility", callId, true)),
                mostFirst(grouped("select a.country, count(a) from Application a where " + IN_THE_RUNNING
                        + " and a.country is not null group by a.country", callId, true)),
                everyValue(Stage.class, grouped("select a.stage, count(a) from Application a where " + IN_THE_RUNNING
                        + " and a.stage is not null group by a.stage", callId, true)),
                mostFirst(models(callId)),
                // Every review has its reviewer, so the call's totals are the reviewers' sums.
                new CallStatistics.ReviewProgress(reviewers.stream().mapToLong(CallStatistics.ReviewerProgress::assigned).sum(),
                        reviewers.stream().mapToLong(CallStatistics.ReviewerProgress::complete).sum()),
                reviewers);
    }

    private List<Object[]> grouped(String query, UUID callId, boolean inTheRunning) {
        var typed = entityManager.createQuery(query, Object[].class).setParameter("call", callId);
        if (inTheRunning) {
            typed.setParameter("excluded", NOT_IN_THE_RUNNING);
        }
        return typed.getResultList();
    }

    /** Each model once per application, however often the application names it. */
    @SuppressWarnings("unchecked")
    private List<Object[]> models(UUID callId) {
        return entityManager.createNativeQuery("SELECT m.name, count(DISTINCT a.id) FROM application a CROSS JOIN LATERAL unnest(a.model_names) AS m(name) "
                        + "WHERE a.call_id = :call AND a.status NOT IN (:excluded) GROUP BY m.name")
                .setParameter("call", callId).setParameter("excluded", NOT_IN_THE_RUNNING.stream().map(Enum::name).toList()).getResultList();
    }

    private List<CallStatistics.ReviewerProgress> reviewers(UUID callId) {
        return entityManager.createQuery("select v.id, v.name, v.organization, count(r), count(r.weightedScore) from Review r join Reviewer v on v.id = r.reviewerId "
                        + "where r.callId = :call group by v.id, v.name, v.organization "
                        + "order by count(r) - count(r.weightedScore) desc, v.name, v.id", Object[].class)
                .setParameter("call", callId).getResultList().stream()
                .map(row -> new CallStatistics.ReviewerProgress((UUID) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
                .toList();
    }

    private static <E extends Enum<E>> Map<E, Long> everyValue(Class<E> type, List<Object[]> rows) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        rows.forEach(row -> counts.put(type.cast(row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The most counted first; equal counts in alphabetical order, so the answer is the same every time. */
    private static Map<String, Long> mostFirst(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.stream()
                .map(row -> Map.entry((String) row[0], ((Number) row[1]).longValue()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
