package org.stationf.aiprogram.resources.mentoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A period a mentor is available: OPEN, BOOKED by one member, or CANCELLED. */
@Entity
@Table(name = "mentoring_slot")
public class Slot extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String BOOKED = "BOOKED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The slot's length in hours, to the hundredth: what a delivered session debits. */
    public BigDecimal hours() {
        return BigDecimal.valueOf(Duration.between(startsAt, endsAt).toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
