package org.stationf.aiprogram.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The server's clock in every service's tests: one the tests can move. Its producer replaces api-support's system
 * clock bean; tests reach it through {@link #CLOCK}.
 */
@Singleton
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
