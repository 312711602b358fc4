package org.stationf.aiprogram.resources.grant;

import java.math.BigDecimal;

/**
 * Fired in the transaction that revokes or expires a grant, before its unused rest is taken: an observer still owed
 * part of the balance (the hours of a mentoring session under way) holds it back, and only the rest is taken.
 */
public final class GrantEnding {

    private final Grant grant;
    private final GrantStatus endsAs;
    private final String reason;
    private BigDecimal held = BigDecimal.ZERO;

    GrantEnding(Grant grant, GrantStatus endsAs, String reason) {
        this.grant = grant;
        this.endsAs = endsAs;
        this.reason = reason;
    }

    public Grant grant() {
        return grant;
    }

    /** REVOKED or EXPIRED. */
    public GrantStatus endsAs() {
        return endsAs;
    }

    public String reason() {
        return reason;
    }

    public void hold(BigDecimal amount) {
        held = held.add(amount);
    }

    BigDecimal held() {
        return held;
    }
}
