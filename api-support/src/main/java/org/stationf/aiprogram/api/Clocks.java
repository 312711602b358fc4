package org.stationf.aiprogram.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The server's clock, which deadlines and expiries are enforced by; tests replace it with a clock they move. */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
