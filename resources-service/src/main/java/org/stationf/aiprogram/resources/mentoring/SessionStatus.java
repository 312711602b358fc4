package org.stationf.aiprogram.resources.mentoring;

/**
 * BOOKED, then: DELIVERED (hours debited), NO_SHOW (the member did not come: hours debited), CANCELLED_EARLY (by the
 * member 24 hours or more ahead: free, the slot reopens), CANCELLED_LATE (by the member less than 24 hours ahead: hours
 * debited, the mentor's time was reserved), CANCELLED_BY_MENTOR (never debited), CANCELLED_GRANT_ENDED (the member's
 * mentoring grant ended before the session: the member left, its cohort completed, or the grant expired; free, the
 * slot reopens).
 */
public enum SessionStatus {
    BOOKED, DELIVERED, NO_SHOW, CANCELLED_EARLY, CANCELLED_LATE, CANCELLED_BY_MENTOR, CANCELLED_GRANT_ENDED
}
