package org.stationf.aiprogram.applications.application;

/** An admin's decision on a submitted application, published with the call's other decisions. */
public enum Decision {
    SHORTLISTED, REJECTED;

    public ApplicationStatus status() {
        return this == SHORTLISTED ? ApplicationStatus.SHORTLISTED : ApplicationStatus.REJECTED;
    }
}
