package org.stationf.aiprogram.resources.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.eventing.EventPublisher;
import org.stationf.aiprogram.resources.partner.Partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a partner's events (its grants', its mentors' sessions') through the outbox and records them for delivery
 * to its webhook, both in the transaction of the change, and shows the deliveries to admins and to their partner.
 */
@ApplicationScoped
public class Webhooks {

    /** The type of the test event a partner sends itself. */
    public static final String TEST = "WebhookTest";

    static final List<String> STATUSES = List.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED);

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EventPublisher events;

    /** Publishes the event through the outbox and records it for the partner's webhook, both in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAndDeliver(String partnerCode, String topic, String type, UUID aggregateId, Object data) {
        enqueue(partnerCode, events.publish(topic, type, aggregateId, data));
    }

    /** What a test event tells the partner's endpoint. */
    @Schema(name = "WebhookTestEvent", description = "Who asked for the test, and when")
    public record WebhookTest(@Schema(required = true, example = "SCALEWAY") String partner,
                              @Schema(required = true, example = "A test of your webhook endpoint, asked for by scaleway-provisioning") String note,
                              @Schema(required = true) Instant at) {
    }

    /**
     * A test event ({@code WebhookTest}) for the partner's webhook, signed and sent like any other but published on no
     * topic: to check an endpoint, and its signature check, before a real event depends on them.
     */
    @Transactional
    public WebhookDeliveryView sendTest(Partner partner) {
        if (partner.webhookUrl == null) {
            throw ProblemException.conflict("no-webhook-url", "No webhook URL", "Partner " + partner.code
                    + " has no webhook URL to test; set one with PUT /partners/" + partner.code + "/webhook-url");
        }
        WebhookTest test = new WebhookTest(partner.code, "A test of your webhook endpoint, asked for by " + caller.id(), clock.instant());
        return WebhookDeliveryView.of(enqueue(partner.code, events.compose(TEST, partner.code, test)));
    }

    private WebhookDelivery enqueue(String partnerCode, EventPublisher.PublishedEvent event) {
        Partner partner = Partner.findById(partnerCode);
        if (partner == null || partner.webhookUrl == null) {
            return null;
        }
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.partner = partnerCode;
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.payload = event.cloudEvent();
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = clock.instant();
        delivery.createdAt = clock.instant();
        delivery.persist();
        return delivery;
    }

    /** Newest first; a partner sees only its own whatever it asks, an admin any partner's or all. */
    public Page<WebhookDeliveryView> deliveries(String partner, String status, int page, int size) {
        Where where = new Where().and("partner = :partner", "partner",
                        caller.isAdmin() ? Partner.filterCode("partner", partner) : caller.requirePartner())
                .and("status = :status", "status", QueryParams.oneOf("status", status, STATUSES));
        PanacheQuery<WebhookDelivery> deliveries = WebhookDelivery.find(where.clause(), Sort.by("createdAt").descending().and("position", Sort.Direction.Descending), where.parameters());
        return new Page<>(deliveries.page(page, size).<WebhookDelivery>list().stream().map(WebhookDeliveryView::of).toList(),
                deliveries.count(), page, size);
    }

    /** One delivery, as its list shows it: a partner's own, any for an admin. */
    public WebhookDeliveryView delivery(UUID id) {
        return WebhookDeliveryView.of(visibleDelivery(id));
    }

    /** Back in the dispatcher's queue now, with a fresh count of attempts; a partner redelivers only its own. */
    @Transactional
    public WebhookDeliveryView redeliver(UUID id) {
        WebhookDelivery delivery = visibleDelivery(id);
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = clock.instant();
        return WebhookDeliveryView.of(delivery);
    }

    private WebhookDelivery visibleDelivery(UUID id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null || !caller.actsFor(delivery.partner)) {
            throw ProblemException.notFound("Webhook delivery", id);
        }
        return delivery;
    }
}
