package org.stationf.aiprogram.applications.call;

/**
 * Fired inside the transaction that changes a call's rubric, so that the reviews scored on it follow (or, when they
 * cannot, the change is refused and rolled back).
 */
public record RubricChanged(Call call, Rubric previous) {
}
