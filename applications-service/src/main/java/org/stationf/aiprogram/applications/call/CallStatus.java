package org.stationf.aiprogram.applications.call;

/** DRAFT (admins only) → PUBLISHED (visible; accepts applications between its opening and closing instants) → CLOSED. */
public enum CallStatus {
    DRAFT, PUBLISHED, CLOSED
}
