package org.stationf.aiprogram.cohorts.member;

/** ENROLLED while in the program; then WITHDRAWN (by itself), REMOVED (by an admin), GRADUATED or NOT_COMPLETED. */
public enum MemberStatus {
    ENROLLED, WITHDRAWN, REMOVED, GRADUATED, NOT_COMPLETED
}
