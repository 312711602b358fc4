package org.stationf.aiprogram.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests can set and move: follows the system clock until {@link #setTo(Instant)}, then stands still there
 * until moved again or {@link #reset()}. Like the server's own clock, it gives whole microseconds, PostgreSQL's precision.
 */
public class MutableClock extends Clock {

    private volatile Instant fixed;

    public void setTo(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return (now != null ? now : Instant.now()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is always UTC");
    }
}
