package org.stationf.aiprogram.applications.application;

/**
 * Where an application stands, as its applicant sees it. SHORTLISTED and REJECTED appear only once the call's
 * decisions are published; SELECTED, WAITLISTED, NOT_SELECTED (the cohort started with no place for it), ACCEPTED,
 * DECLINED and OFFER_EXPIRED come from cohort-service.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, SHORTLISTED, REJECTED, WITHDRAWN, SELECTED, WAITLISTED, NOT_SELECTED, ACCEPTED, DECLINED, OFFER_EXPIRED;

    /** Before a final outcome an applicant may still withdraw. */
    public boolean withdrawable() {
        return this == DRAFT || this == SUBMITTED || this == SHORTLISTED || this == SELECTED || this == WAITLISTED;
    }
}
