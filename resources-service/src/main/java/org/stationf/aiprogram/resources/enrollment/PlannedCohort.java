package org.stationf.aiprogram.resources.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A cohort cohort-service has created (CohortPlanned): packages are put for these only. */
@Entity
@Table(name = "planned_cohort")
public class PlannedCohort extends PanacheEntityBase {

    @Id
    @Column(name = "cohort_id")
    public UUID cohortId;

    @Column(name = "planned_at", nullable = false)
    public Instant plannedAt;
}
