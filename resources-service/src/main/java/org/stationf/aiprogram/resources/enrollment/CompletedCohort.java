package org.stationf.aiprogram.resources.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A cohort cohort-service reported completed: its members' grants have ended and no new ones are issued. */
@Entity
@Table(name = "completed_cohort")
public class CompletedCohort extends PanacheEntityBase {

    @Id
    @Column(name = "cohort_id")
    public UUID cohortId;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
}
