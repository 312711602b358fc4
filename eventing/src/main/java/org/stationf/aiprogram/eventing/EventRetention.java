package org.stationf.aiprogram.eventing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Keeps the outbox and inbox tables from growing with every event ever sent or received. A published outbox row is
 * only kept to look into what was sent; an inbox row must outlive every chance of a redelivery of its event, which the
 * topics' retention bounds (Kafka's default is 7 days), hence the longer default. Unpublished outbox rows are never
 * deleted, however old. Rows go in small batches, each its own transaction, so the relay and the consumers never wait
 * long behind the purge.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "eventing.outbox.keep-published", defaultValue = "P7D")
    Duration keepPublished;

    @ConfigProperty(name = "eventing.inbox.keep-processed", defaultValue = "P30D")
    Duration keepProcessed;

    public record Purged(int outboxRows, int inboxRows) {
    }

    @Scheduled(every = "${eventing.retention.interval:PT1H}", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Purged purged = purge();
        if (purged.outboxRows() + purged.inboxRows() > 0) {
            LOG.infof("Event retention: deleted %d published outbox row(s) older than %s and %d inbox row(s) older than %s",
                    purged.outboxRows(), keepPublished, purged.inboxRows(), keepProcessed);
        }
    }

    /** Deletes what is past its retention now; returns how many rows of each table went. */
    public Purged purge() {
        OffsetDateTime now = OffsetDateTime.now();
        int outbox = deleteInBatches("""
                DELETE FROM outbox_event WHERE position IN (
                    SELECT position FROM outbox_event WHERE published_at < :cutoff ORDER BY position LIMIT :batch)""",
                now.minus(keepPublished));
        int inbox = deleteInBatches("""
                DELETE FROM inbox_event WHERE (consumer, event_source, event_id) IN (
                    SELECT consumer, event_source, event_id FROM inbox_event WHERE processed_at < :cutoff LIMIT :batch)""",
                now.minus(keepProcessed));
        return new Purged(outbox, inbox);
    }

    private int deleteInBatches(String delete, OffsetDateTime cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
