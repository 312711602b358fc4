package org.stationf.aiprogram.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.stationf.aiprogram.testing.MutableClock;

/** The server's clock in tests: one the tests can move (it replaces the system clock bean). */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
