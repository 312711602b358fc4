package org.stationf.aiprogram.resources.resourcepackage;

/** The unit an amount is counted in; amounts are exact decimals with at most two decimal places. */
public enum Unit {
    EUR, HOUR, SEAT
}
