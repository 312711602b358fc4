package org.stationf.aiprogram.cohorts.selection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A candidate's place in a cohort: an offer, or a position on the waitlist. */
@Entity
@Table(name = "selection")
public class Selection extends PanacheEntityBase {

    /** Statuses that hold one of the cohort's places. */
    public static final List<SelectionStatus> HOLDING_A_PLACE = List.of(SelectionStatus.OFFERED, SelectionStatus.ACCEPTED);

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SelectionStatus status;

    @Column(name = "waitlist_position")
    public Integer waitlistPosition;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static long placesTaken(UUID cohortId) {
        return count("cohortId = ?1 and status in ?2", cohortId, HOLDING_A_PLACE);
    }
}
