package org.stationf.aiprogram.resources.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** Never follows redirects: one would take a partner's webhook past the public-address check of its URL. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Scheduled(every = "${resources.webhooks.dispatch-every:PT2S}", delayed = "PT2S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dispatch();
    }

    /** Sends every due delivery once; returns how many were attempted. */
    public int dispatch() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT 100""", UUID.class)
                .setParameter("now", clock.instant()).getResultList());
        int attempted = 0;
        for (UUID id : due) {
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
     * failed and put it back for later: then it is left alone (false), not sent before its time.
     */
    public boolean attemptIfDue(UUID id) {
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds() + 30).call(() -> attempt(id));
    }

    private boolean attempt(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> locked = entityManager.createNativeQuery("""
                        SELECT id FROM webhook_delivery WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("id", id).setParameter("now", clock.instant()).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        WebhookDelivery delivery = WebhookDelivery.findById(id);
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
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(signingSecrets.open(partner), delivery.id.toString(), timestamp, delivery.payload))
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
