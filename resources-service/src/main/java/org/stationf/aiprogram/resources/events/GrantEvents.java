package org.stationf.aiprogram.resources.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.resources.grant.Grant;
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

    public record GrantEvent(UUID grantId, UUID cohortId, UUID memberId, String partner, String kind, String description,
                             String unit, List<String> entitlements, BigDecimal amountGranted, BigDecimal balance, String status,
                             String externalReference, Instant expiresAt,
                             Integer thresholdPercent, Instant at) {
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
                grant.memberId, grant.partner, grant.kind.name(), grant.description, grant.unit.name(), grant.entitlements,
                grant.amountGranted, grant.balance, grant.status.name(), grant.externalReference, grant.expiresAt,
                thresholdPercent, clock.instant()));
    }
}
