package org.stationf.aiprogram.resources.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Requests made safe to retry with an {@code Idempotency-Key}: the first request with a key is processed and its answer
 * kept; the same key with the same body gets that answer again and changes nothing; the same key with another body is
 * a 422. Keys are per caller. Two requests racing with one key are serialized by the key's primary key. A key is
 * remembered for {@code resources.idempotency.keep-keys}, long past any partner system's retries, so the table does not
 * grow with every report ever made; a request retried later than that counts as a new one.
 */
@ApplicationScoped
public class IdempotentRequests {

    public record Answer(int status, String body) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "resources.idempotency.keep-keys")
    Duration keepKeys;

    /** Claims the key in the current transaction; an earlier answer for the same request comes back instead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String caller, String key, String requestHash) {
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotent_request (caller, idempotency_key, request_hash, created_at)
                        VALUES (:caller, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_body FROM idempotent_request
                        WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller).setParameter("key", key)
                .getResultList();
        Object[] earlier = rows.get(0);
        if (!requestHash.equals(earlier[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key " + key + " was already used with a different request; use a new key for a new request")
                    .with("idempotencyKey", key);
        }
        return Optional.of(new Answer(((Number) earlier[1]).intValue(), (String) earlier[2]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String caller, String key, Answer answer) {
        entityManager.createNativeQuery("""
                        UPDATE idempotent_request SET response_status = :status, response_body = :body
                        WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("status", answer.status()).setParameter("body", answer.body())
                .setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }

    @Scheduled(every = "PT1H", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledForgetting() {
        forgetExpiredKeys();
    }

    /** Forgets the keys older than the retention; returns how many went. */
    @Transactional
    public int forgetExpiredKeys() {
        return entityManager.createNativeQuery("DELETE FROM idempotent_request WHERE created_at < :cutoff")
                .setParameter("cutoff", clock.instant().minus(keepKeys))
                .executeUpdate();
    }
}
