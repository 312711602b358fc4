package org.stationf.aiprogram.resources.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.grant.Grant;
import org.stationf.aiprogram.resources.grant.GrantStatus;
import org.stationf.aiprogram.resources.resourcepackage.ResourceKind;
import org.stationf.aiprogram.resources.resourcepackage.Unit;
import org.stationf.aiprogram.resources.webhook.Webhooks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The grant event family, published on {@link #TOPIC} keyed by grant id, and delivered to the grant's partner as a
 * signed webhook, both recorded in the transaction that made the change.
 */
@ApplicationScoped
public class GrantEvents {

    public static final String TOPIC = "program.grants";

    public static final String ISSUED = "GrantIssued";
    public static final String ACTIVATED = "GrantActivated";
    public static final String REVOKED = "GrantRevoked";
    public static final String EXPIRED = "GrantExpired";
    public static final String BALANCE_LOW = "BalanceLow";

    /** The event's data: the grant as it is after the change (on the topic, and in the partner's webhook). */
    @Schema(name = "GrantEvent", description = "A grant as it is after the change the event announces")
    public record GrantEvent(@Schema(required = true) UUID grantId, @Schema(required = true) UUID cohortId, @Schema(required = true) UUID memberId,
                             @Schema(required = true, example = "SCALEWAY") String partner,
                             @Schema(required = true) ResourceKind kind,
                             @Schema(required = true, example = "Scaleway cloud credits for GPU instances") String description,
                             @Schema(required = true) Unit unit,
                             @Schema(nullable = true, description = "For PLATFORM_ACCESS: what the member is entitled to") List<String> entitlements,
                             @Schema(required = true, example = "30000.00") BigDecimal amountGranted,
                             @Schema(required = true, example = "17500.00") BigDecimal balance,
                             @Schema(required = true) GrantStatus status,
                             @Schema(nullable = true, example = "org-7f3c2a", description = "Your reference, once you activated it") String externalReference,
                             @Schema(nullable = true, example = "2025-01-01T00:00:00Z", description = "When it expires: the end of its package item's expiresOn (00:00 UTC the day after)") Instant expiresAt,
                             @Schema(nullable = true, example = "80", description = "BalanceLow only: the percentage of the grant used it just reached (50, 80, then 100)")
                             Integer thresholdPercent,
                             @Schema(required = true, description = "When the change was made") Instant at) {
    }

    @Inject
    Webhooks webhooks;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, Grant grant) {
        publish(type, grant, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, Grant grant, Integer thresholdPercent) {
        webhooks.publishAndDeliver(grant.partner, TOPIC, type, grant.id, new GrantEvent(grant.id, grant.cohortId,
                grant.memberId, grant.partner, grant.kind, grant.description, grant.unit, grant.entitlements,
                grant.amountGranted, grant.balance, grant.status, grant.externalReference, grant.expiresAt,
                thresholdPercent, clock.instant()));
    }
}
