package org.stationf.aiprogram.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox rows to Kafka, in the order they were written, and marks them published.
 *
 * <p>One instance's relay publishes at a time (an advisory lock), and rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances of a service never send the same row at once nor out of order; a failed send leaves
 * the row (and every later one) unpublished with an exponential backoff, so nothing committed is ever lost: a process
 * killed after its commit publishes on restart. The producer is idempotent with {@code acks=all}; a row may still
 * reach Kafka twice when a crash falls between the send and the mark, which is why consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The PostgreSQL advisory lock whose holder is the one relay of a service's database ("outbox" in ASCII). */
    public static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager entityManager;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "eventing.outbox.relay-enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "eventing.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "eventing.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "eventing.outbox.initial-backoff", defaultValue = "PT0.5S")
    Duration initialBackoff;

    @ConfigProperty(name = "eventing.outbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    @ConfigProperty(name = "eventing.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @ConfigProperty(name = "eventing.outbox.backlog-check-every", defaultValue = "PT5S")
    Duration backlogCheckEvery;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean paused;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter published;
    private Counter failures;
    /** What is committed and not yet on Kafka, as last measured: what an operator alerts on when events stop flowing. */
    private volatile long pendingEvents;
    private volatile double oldestPendingSeconds;
    private long nextBacklogCheck;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.info("Outbox relay disabled (eventing.outbox.relay-enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        published = meters.counter("outbox.events.published");
        failures = meters.counter("outbox.publish.failures");
        Gauge.builder("outbox.events.pending", this, relay -> relay.pendingEvents)
                .description("Events committed to the outbox and not yet published to Kafka").register(meters);
        Gauge.builder("outbox.events.oldest.pending.age", this, relay -> relay.oldestPendingSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished event has waited in the outbox; 0 when none waits").register(meters);
        nextBacklogCheck = System.nanoTime();
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Holds publication (rows keep accumulating in the outbox); for tests and maintenance. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wakeUp();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        return config;
    }

    private void run() {
        while (running) {
            measureBacklog();
            int sent = 0;
            if (!paused) {
                try {
                    sent = relayBatch();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox relay could not run: %s", e.toString());
                }
            }
            if (sent >= batchSize) {
                continue;
            }
            try {
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every backlog-check-every, paused or not, on every instance (each reports its database's one outbox). */
    private void measureBacklog() {
        long now = System.nanoTime();
        if (now - nextBacklogCheck < 0) {
            return;
        }
        nextBacklogCheck = now + backlogCheckEvery.toNanos();
        try {
            Object[] backlog = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                            SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                            FROM outbox_event WHERE published_at IS NULL""").getSingleResult());
            pendingEvents = ((Number) backlog[0]).longValue();
            oldestPendingSeconds = ((Number) backlog[1]).doubleValue();
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.toString());
        }
    }

    private record Pending(long position, String topic, String key, String cloudEvent, int attempts) {
    }

    /** Publishes the next due rows in order; returns how many were published. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            if (!relayLockTaken()) {
                return 0;
            }
            List<Pending> due = claimDueRows();
            if (due.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            Exception failure = null;
            for (Pending row : due) {
                try {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.cloudEvent());
                    record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                    sends.add(producer.send(record));
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
            int confirmed = 0;
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get(sendTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                    confirmed++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                } catch (Exception e) {
                    failure = e;
                    break;
                }
            }
            List<Long> publishedPositions = due.subList(0, confirmed).stream().map(Pending::position).toList();
            if (!publishedPositions.isEmpty()) {
                entityManager.createNativeQuery("UPDATE outbox_event SET published_at = now(), last_error = NULL WHERE position IN (:positions)")
                        .setParameter("positions", publishedPositions)
                        .executeUpdate();
                published.increment(publishedPositions.size());
            }
            if (failure != null) {
                postpone(due.subList(confirmed, due.size()), failure);
            }
            return confirmed;
        });
    }

    /**
     * One relay at a time per database, whatever the number of instances: two relays would each claim their own rows
     * and could publish a later event of an aggregate before an earlier one. The others skip their turn; the lock is
     * released with the batch's transaction.
     */
    private boolean relayLockTaken() {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK).getSingleResult();
    }

    private List<Pending> claimDueRows() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT position, topic, aggregate_id, cloud_event, attempts, next_attempt_at <= now()
                        FROM outbox_event
                        WHERE published_at IS NULL
                        ORDER BY position
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .setParameter("limit", batchSize)
                .getResultList();
        List<Pending> due = new ArrayList<>();
        for (Object[] row : rows) {
            // Head-of-line: a row waiting out its backoff holds back every later row, so events leave in commit order.
            if (!Boolean.TRUE.equals(row[5])) {
                break;
            }
            due.add(new Pending(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).intValue()));
        }
        return due;
    }

    private void postpone(List<Pending> rows, Exception failure) {
        if (rows.isEmpty()) {
            return;
        }
        failures.increment();
        int attempts = rows.get(0).attempts() + 1;
        long backoffMillis = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * (1L << Math.min(attempts - 1, 20)));
        String reason = failure.getCause() != null ? failure.getCause().toString() : failure.toString();
        LOG.warnf("Outbox: %d event(s) not published (attempt %d), next try in %d ms: %s", rows.size(), attempts, backoffMillis, reason);
        entityManager.createNativeQuery("""
                        UPDATE outbox_event SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        WHERE position IN (:positions)""")
                .setParameter("next", OffsetDateTime.now().plusNanos(backoffMillis * 1_000_000))
                .setParameter("error", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .setParameter("positions", rows.stream().map(Pending::position).toList())
                .executeUpdate();
    }
}
