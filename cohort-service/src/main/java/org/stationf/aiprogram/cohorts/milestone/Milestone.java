package org.stationf.aiprogram.cohorts.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An objective the cohort sets every member, e.g. "January: first paying pilot". */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
