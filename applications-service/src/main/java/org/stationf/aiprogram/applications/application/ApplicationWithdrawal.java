package org.stationf.aiprogram.applications.application;

/**
 * Fired inside the transaction that withdraws a submitted application, so that the work still assigned on it
 * (its reviews not yet scored) goes with it.
 */
public record ApplicationWithdrawal(Application application) {
}
