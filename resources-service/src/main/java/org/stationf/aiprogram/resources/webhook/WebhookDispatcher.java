package org.stationf.aiprogram.resources.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.resources.partner.Partner;
import org.stationf.aiprogram.resources.partner.PartnerWebhookUrls;
import org.stationf.aiprogram.resources.partner.SigningSecrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * POSTs pending webhook deliveries to partners, signed; a failure (no answer in time, or not 2xx) is retried with
 * exponential backoff up to the maximum number of attempts, then the delivery is FAILED until its partner or an admin redelivers it.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    SigningSecrets signingSecrets;

    @ConfigProperty(name = "resources.webhooks.max-attempts", defaultValue = "10")
    int maxAttempts;

    @ConfigProperty(name = "resources.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "resources.webhooks.initial-backoff", defaultValue = "PT5S")
    Duration initialBackoff;

    @ConfigProperty(name = "resources.webhooks.partners-in-parallel", defaultValue = "4")
    int partnersInParallel;

    /** Never follows redirects: one would take a partner's webhook past the public-address check of its URL. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The partners whose deliveries this instance is sending now: a run that finds them due leaves them to that chain. */
    private final Set<String> sending = ConcurrentHashMap.newKeySet();

    private ExecutorService senders;

    @PostConstruct
    void startSenders() {
        senders = Executors.newFixedThreadPool(partnersInParallel, task -> {
            Thread thread = new Thread(task, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopSenders() {
        senders.shutdownNow();
    }

    /** Runs side by side with a run still waiting on a slow partner's endpoint, so other partners' new deliveries go out. */
    @Scheduled(every = "${resources.webhooks.dispatch-every:PT2S}", delayed = "PT2S", concurrentExecution = Scheduled.ConcurrentExecution.PROCEED,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dispatch();
    }

    /**
     * Sends every due delivery once (up to 20 per partner a run) and returns how many were attempted. Each partner's
     * deliveries go one after another, in the order they fell due (those of one change in the order it recorded them); partners are served side by side, so an endpoint
     * that hangs until the timeout, or fails every delivery slowly, holds back its own partner's deliveries only.
     */
    public int dispatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT id, partner FROM (
                            SELECT id, partner, next_attempt_at, position,
                                   row_number() OVER (PARTITION BY partner ORDER BY next_attempt_at, position) AS place
                            FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now) due
                        WHERE place <= 20 ORDER BY next_attempt_at, position""")
                .setParameter("now", clock.instant()).getResultList());
        Map<String, List<UUID>> dueByPartner = new LinkedHashMap<>();
        due.forEach(row -> dueByPartner.computeIfAbsent((String) row[1], partner -> new ArrayList<>()).add((UUID) row[0]));
        List<CompletableFuture<Integer>> chains = new ArrayList<>();
        dueByPartner.forEach((partner, ids) -> {
            if (sending.add(partner)) {
                try {
                    chains.add(CompletableFuture.supplyAsync(() -> sendInOrder(ids), senders)
                            .whenComplete((attempted, failure) -> sending.remove(partner)));
                } catch (RejectedExecutionException e) {
                    sending.remove(partner);
                }
            }
        });
        return chains.stream().mapToInt(CompletableFuture::join).sum();
    }

    private int sendInOrder(List<UUID> ids) {
        int attempted = 0;
        for (UUID id : ids) {
            try {
                if (attemptIfDue(id)) {
                    attempted++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook delivery %s not attempted: %s", id, e.toString());
            }
        }
        return attempted;
    }

    /**
     * Sends one delivery if it is still due. Between listing it and locking it, another instance may have sent it, or
     * failed and put it back for later: then it is left alone (false), not sent before its time. While another
     * instance is sending one of the same partner's deliveries, it is left alone too, so that a partner gets its
     * webhooks one at a time and in order however many instances run.
     */
    public boolean attemptIfDue(UUID id) {
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds() + 30).call(() -> attempt(id));
    }

    /** The lock held, for the length of one attempt, by the instance sending a webhook to this partner. */
    public static String sendingLock(String partner) {
        return "resources-webhooks-sending:" + partner;
    }

    private boolean attempt(UUID id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null || !AdvisoryLocks.tryHoldUntilTransactionEnds(entityManager, sendingLock(delivery.partner))) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<UUID> locked = entityManager.createNativeQuery("""
                        SELECT id FROM webhook_delivery WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("id", id).setParameter("now", clock.instant()).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        // Read again now that it is locked: another instance may have attempted it since it was read above.
        entityManager.refresh(delivery);
        Partner partner = Partner.findById(delivery.partner);
        Instant now = clock.instant();
        delivery.attempts++;
        if (partner.webhookUrl == null) {
            delivery.status = WebhookDelivery.FAILED;
            delivery.lastError = "The partner has no webhook URL";
            return true;
        }
        Optional<String> refusal = partner.webhookUrlSetByPartner ? PartnerWebhookUrls.refusal(partner.webhookUrl) : Optional.empty();
        if (refusal.isPresent()) {
            delivery.lastStatus = null;
            delivery.lastError = "Not sent: the partner's webhook URL " + refusal.get();
        } else if (send(delivery, partner, now)) {
            return true;
        }
        if (delivery.attempts >= maxAttempts) {
            delivery.status = WebhookDelivery.FAILED;
            LOG.warnf("Webhook %s to %s failed %d times; giving up until redelivered: %s", delivery.id, partner.code, delivery.attempts, delivery.lastError);
        } else {
            long backoff = Math.min(Duration.ofHours(1).toMillis(), initialBackoff.toMillis() * (1L << Math.min(delivery.attempts - 1, 20)));
            delivery.nextAttemptAt = now.plusMillis(backoff);
        }
        return true;
    }

    /** POSTs the delivery, signed; true when the partner answered 2xx, else the outcome is in lastStatus and lastError. */
    private boolean send(WebhookDelivery delivery, Partner partner, Instant now) {
        long timestamp = now.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(partner.webhookUrl))
                    .timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json")
                    .header("User-Agent", "ai-startup-program-webhooks/1.0")
                    .header(WebhookSignature.ID_HEADER, delivery.id.toString())
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.signatures(signingSecrets.signingNow(partner, now), delivery.id.toString(), timestamp, delivery.payload))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            delivery.lastStatus = response.statusCode();
            if (response.statusCode() / 100 == 2) {
                delivery.status = WebhookDelivery.DELIVERED;
                delivery.deliveredAt = now;
                delivery.lastError = null;
                return true;
            }
            delivery.lastError = "HTTP " + response.statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            delivery.lastStatus = null;
            delivery.lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return false;
    }
}
