package org.stationf.aiprogram.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code keepPreviousFor} query parameter of a secret's rotation (a partner's webhook signing secret, a client's
 * secret): for a planned rotation, how long the secret it replaces keeps working beside the new one; left out, it
 * stops at once, as it must after a leak.
 */
public final class SecretRotations {

    public static final String KEEP_PREVIOUS_FOR = "keepPreviousFor";

    /** The 400 answer's description in the API documents of every rotation. */
    public static final String INVALID_KEEP_PREVIOUS_FOR = "keepPreviousFor is not an ISO-8601 duration from PT0S to P7D";

    /** Time to deploy the new secret, not a second secret: a week at most. */
    public static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    private SecretRotations() {
    }

    /** Until when the replaced secret keeps working, for a rotation made at {@code now}; null when it stops at once. */
    public static Instant previousUntil(String keepPreviousFor, Instant now) {
        Duration overlap = QueryParams.durationOf(KEEP_PREVIOUS_FOR, keepPreviousFor, LONGEST_OVERLAP);
        return overlap.isZero() ? null : now.plus(overlap);
    }

    /** Whether the secret a rotation kept (null: none) still works at {@code now}: up to, not at, its end. */
    public static boolean stillKept(String previous, Instant previousUntil, Instant now) {
        return previous != null && now.isBefore(previousUntil);
    }
}
