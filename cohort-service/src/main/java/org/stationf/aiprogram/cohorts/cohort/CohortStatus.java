package org.stationf.aiprogram.cohorts.cohort;

import java.util.Set;

/** PLANNED → SELECTING → RUNNING → COMPLETED; nothing else. */
public enum CohortStatus {
    PLANNED, SELECTING, RUNNING, COMPLETED;

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
        return this == PLANNED || this == SELECTING;
    }
}
