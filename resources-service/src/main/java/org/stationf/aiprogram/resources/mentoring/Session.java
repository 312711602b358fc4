package org.stationf.aiprogram.resources.mentoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A member's booking of a slot, and how it ended. */
@Entity
@Table(name = "mentoring_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String note;
}
