package org.stationf.aiprogram.resources.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What this service knows of a cohort from cohort-service's events, each fact kept as it was first reported: planned
 * (a package may be put for it), completed (its grants have ended, none is issued after), discarded while planned (it
 * has no package and gets none).
 */
@Entity
@Table(name = "known_cohort")
public class KnownCohort extends PanacheEntityBase {

    @Id
    @Column(name = "cohort_id")
    public UUID cohortId;

    @Column(name = "planned_at")
    public Instant plannedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "discarded_at")
    public Instant discardedAt;

    /** The cohort's row, made when this service first hears of it. */
    public static KnownCohort of(UUID cohortId) {
        KnownCohort cohort = findById(cohortId);
        if (cohort == null) {
            cohort = new KnownCohort();
            cohort.cohortId = cohortId;
            cohort.persist();
        }
        return cohort;
    }

    public static boolean completed(UUID cohortId) {
        KnownCohort cohort = findById(cohortId);
        return cohort != null && cohort.completedAt != null;
    }
}
