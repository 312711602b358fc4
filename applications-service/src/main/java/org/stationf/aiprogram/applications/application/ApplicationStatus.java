package org.stationf.aiprogram.applications.application;

public enum ApplicationStatus {
    DRAFT, SUBMITTED
}
