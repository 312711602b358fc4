package org.stationf.aiprogram.cohorts.milestone;

public enum MilestoneStatus {
    NOT_STARTED, IN_PROGRESS, DONE, MISSED
}
