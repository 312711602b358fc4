package org.stationf.aiprogram.resources.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.events.GrantEvents;
import org.stationf.aiprogram.resources.events.MentoringEvents;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(UUID id, @Schema(example = "SCALEWAY") String partner, UUID eventId,
                                  @Schema(description = "The event delivered: a grant's, a mentoring session's, or a test the partner asked for", enumeration = {GrantEvents.ISSUED,
                                          GrantEvents.ACTIVATED, GrantEvents.REVOKED, GrantEvents.EXPIRED, GrantEvents.BALANCE_LOW,
                                          MentoringEvents.BOOKED, MentoringEvents.CHANGED, MentoringEvents.ENDED, Webhooks.TEST}) String eventType,
                                  @Schema(enumeration = {WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED}) String status,
                                  @Schema(example = "2") int attempts,
                                  @Schema(nullable = true) Instant nextAttemptAt,
                                  @Schema(nullable = true, description = "The HTTP status the partner's endpoint last answered", example = "503") Integer lastStatus,
                                  @Schema(nullable = true, example = "HTTP 503") String lastError, @Schema(nullable = true) Instant deliveredAt, Instant createdAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.partner, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt, d.lastStatus,
                d.lastError, d.deliveredAt, d.createdAt);
    }
}
