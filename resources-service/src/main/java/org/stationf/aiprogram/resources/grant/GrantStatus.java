package org.stationf.aiprogram.resources.grant;

/** ISSUED (waiting for the partner) → ACTIVE (confirmed with the partner's reference) → REVOKED | EXPIRED. */
public enum GrantStatus {
    ISSUED, ACTIVE, REVOKED, EXPIRED;

    public boolean open() {
        return this == ISSUED || this == ACTIVE;
    }
}
