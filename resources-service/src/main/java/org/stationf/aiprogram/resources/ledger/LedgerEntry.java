package org.stationf.aiprogram.resources.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One append-only movement of a grant's balance (the database refuses updates and deletes). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false)
    public EntryType type;

    /** Signed: positive adds to the balance, negative takes from it. */
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "balance_after", nullable = false, precision = 14, scale = 2)
    public BigDecimal balanceAfter;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    /** The partner's own reference for the usage, or the session it came from. */
    public String reference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
