package org.stationf.aiprogram.cohorts.cohort;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → SELECTING → RUNNING → COMPLETED; nothing else. */
public enum CohortStatus {
    PLANNED, SELECTING, RUNNING, COMPLETED;

    /** The statuses before the program starts, while the cohort may still pick candidates. */
    public static final Set<CohortStatus> BEFORE_START = EnumSet.of(PLANNED, SELECTING);

    public Set<CohortStatus> next() {
        return switch (this) {
            case PLANNED -> Set.of(SELECTING);
            case SELECTING -> Set.of(RUNNING);
            case RUNNING -> Set.of(COMPLETED);
            case COMPLETED -> Set.of();
        };
    }

    /** Before the program starts, a freed place goes to the next on the waitlist. */
    public boolean beforeStart() {
        return BEFORE_START.contains(this);
    }
}
