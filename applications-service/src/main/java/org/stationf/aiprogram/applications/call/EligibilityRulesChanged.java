package org.stationf.aiprogram.applications.call;

/**
 * Fired inside the transaction that changes a call's eligibility rules, so that the applications already submitted
 * are judged by the rules the call now states (or, when one cannot be, the change is refused and rolled back).
 */
public record EligibilityRulesChanged(Call call, EligibilityRules previous) {
}
