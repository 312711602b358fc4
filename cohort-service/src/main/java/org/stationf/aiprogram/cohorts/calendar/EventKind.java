package org.stationf.aiprogram.cohorts.calendar;

public enum EventKind {
    WORKSHOP, OFFICE_HOURS, MENTORING, DEMO_DAY, OTHER
}
