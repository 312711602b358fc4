package org.stationf.aiprogram.resources.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the table of webhook deliveries from growing with every event ever sent to a partner: a delivered webhook is
 * kept for {@code resources.webhooks.keep-delivered}, long enough for its partner to look back on it, then forgotten.
 * A delivery still pending, or failed and waiting for its partner to redeliver it, is never deleted, however old.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "resources.webhooks.keep-delivered")
    Duration keepDelivered;

    @Scheduled(every = "PT1H", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledForgetting() {
        int forgotten = forgetOldDeliveries();
        if (forgotten > 0) {
            LOG.infof("Webhook retention: deleted %d delivery(ies) delivered more than %s ago", forgotten, keepDelivered);
        }
    }

    /** Deletes the deliveries delivered longer ago than the retention; returns how many went. */
    @Transactional
    public int forgetOldDeliveries() {
        return entityManager.createNativeQuery("DELETE FROM webhook_delivery WHERE status = 'DELIVERED' AND delivered_at < :cutoff")
                .setParameter("cutoff", clock.instant().minus(keepDelivered))
                .executeUpdate();
    }
}
