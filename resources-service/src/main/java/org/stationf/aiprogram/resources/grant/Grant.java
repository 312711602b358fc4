package org.stationf.aiprogram.resources.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stationf.aiprogram.resources.resourcepackage.ResourceKind;
import org.stationf.aiprogram.resources.resourcepackage.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One member's resource from one partner (hours, access, credits), with its balance. The balance only ever changes
 * together with a ledger entry, so it always equals the sum of the grant's ledger.
 */
@Entity
@Table(name = "grant_account")
public class Grant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String partner;

    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResourceKind kind;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Unit unit;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> entitlements = List.of();

    @Column(name = "amount_granted", nullable = false, precision = 14, scale = 2)
    public BigDecimal amountGranted;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal balance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Usage thresholds (percent) already alerted, so each is alerted once. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "thresholds_notified", nullable = false)
    public List<Integer> thresholdsNotified = new ArrayList<>();

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The whole percent of the grant that {@code used} is, rounded down: 100 only once nothing is left. */
    public int percentUsed(BigDecimal used) {
        return used.multiply(BigDecimal.valueOf(100)).divide(amountGranted, 0, RoundingMode.FLOOR).intValue();
    }
}
