package org.stationf.aiprogram.applications.application;

/**
 * Fired inside the transaction that takes a submitted application out of review (withdrawn, or judged no longer
 * eligible: only eligible applications are reviewed), so that the work still assigned on it, its reviews not yet
 * scored, goes with it.
 */
public record ApplicationLeftReview(Application application) {
}
