package org.stationf.aiprogram.resources.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.eventing.EventPublisher;
import org.stationf.aiprogram.resources.partner.Partner;

import java.time.Clock;
import java.util.UUID;

/** Records grant events for delivery to the partner's webhook, in the transaction of the change (like the outbox). */
@ApplicationScoped
public class Webhooks {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String partnerCode, EventPublisher.PublishedEvent event) {
        Partner partner = Partner.findById(partnerCode);
        if (partner == null || partner.webhookUrl == null) {
            return;
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
    }
}
