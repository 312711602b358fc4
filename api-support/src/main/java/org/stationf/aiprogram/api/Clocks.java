package org.stationf.aiprogram.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The server's clock, which deadlines and expiries are enforced by; tests replace it with a clock they move. It ticks
 * in microseconds, PostgreSQL's precision, so that an instant answered when something is created or changed is the
 * one read back later, not the same instant rounded by the database.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
