package org.stationf.aiprogram.applications.call;

/** How far a startup has come. */
public enum Stage {
    IDEA, PRE_SEED, SEED, SERIES_A, SERIES_B_OR_LATER
}
