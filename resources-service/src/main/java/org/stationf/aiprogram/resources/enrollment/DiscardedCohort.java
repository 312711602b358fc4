package org.stationf.aiprogram.resources.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A cohort cohort-service discarded while it was planned: it never had members, and it has no package any more. */
@Entity
@Table(name = "discarded_cohort")
public class DiscardedCohort extends PanacheEntityBase {

    @Id
    @Column(name = "cohort_id")
    public UUID cohortId;

    @Column(name = "discarded_at", nullable = false)
    public Instant discardedAt;
}
