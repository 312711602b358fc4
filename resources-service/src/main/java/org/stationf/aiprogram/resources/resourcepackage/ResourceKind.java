package org.stationf.aiprogram.resources.resourcepackage;

/** What a grant gives: mentoring hours, access to a partner's platform (seats, tiers, features), or compute credits. */
public enum ResourceKind {
    MENTORING_HOURS, PLATFORM_ACCESS, COMPUTE_CREDITS
}
