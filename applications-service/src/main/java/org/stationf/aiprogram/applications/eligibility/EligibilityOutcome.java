package org.stationf.aiprogram.applications.eligibility;

public enum EligibilityOutcome {
    ELIGIBLE, INELIGIBLE, NEEDS_REVIEW
}
