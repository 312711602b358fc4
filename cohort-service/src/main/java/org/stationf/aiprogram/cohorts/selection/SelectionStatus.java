package org.stationf.aiprogram.cohorts.selection;

/**
 * OFFERED (a place is held until the offer expires) → ACCEPTED | DECLINED | EXPIRED; WAITLISTED → OFFERED when a place
 * frees before the start, NOT_SELECTED when the cohort starts without one having come free (and, once the call's last
 * cohort starts, for the candidates never offered a place nor waitlisted and any shortlisted later); WITHDRAWN when the
 * startup withdrew or left the cohort.
 */
public enum SelectionStatus {
    OFFERED, ACCEPTED, DECLINED, EXPIRED, WAITLISTED, NOT_SELECTED, WITHDRAWN
}
