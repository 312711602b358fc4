package org.stationf.aiprogram.api;

/** Optimistic locking as the API speaks it: an edit names the version it read, and a stale one is a 409. */
public final class Versions {

    private Versions() {
    }

    /** Refuses an edit that names no version (400) or another version than the current one (409 stale-version). */
    public static void requireCurrent(String what, Object id, Long sent, long current) {
        if (sent == null) {
            throw ProblemException.invalid("version", "is required when updating; send the version you read");
        }
        if (sent != current) {
            throw ProblemException.conflict("stale-version", "Stale version",
                            what + " " + id + " is at version " + current + ", not " + sent + "; read it again")
                    .with("currentVersion", current);
        }
    }
}
