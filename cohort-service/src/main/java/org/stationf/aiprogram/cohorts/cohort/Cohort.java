package org.stationf.aiprogram.cohorts.cohort;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** One edition's cohort: the winners of a call, together at a place for the program's months. */
@Entity
@Table(name = "cohort")
public class Cohort extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String edition;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String location;

    /** ISO-8601 duration an offer stays open. */
    @Column(name = "offer_validity", nullable = false)
    public String offerValidity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CohortStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration offerValidity() {
        return Duration.parse(offerValidity);
    }

    /** The first instant after the end date, in the cohort's time zone. */
    public Instant endsAt() {
        return endDate.plusDays(1).atStartOfDay(zone()).toInstant();
    }
}
