package org.stationf.aiprogram.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClocksTest {

    /** What a service answers when it creates something is what it reads back from PostgreSQL, which keeps microseconds. */
    @Test
    void theServersClockGivesWholeMicrosecondsAsPostgreSqlStoresThem() {
        Clock clock = new Clocks().systemClock();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            instants.add(clock.instant());
        }

        assertThat(instants).allSatisfy(instant -> assertThat(instant.getNano() % 1_000).isZero());
        assertThat(instants).isSorted();
        assertThat(instants.get(instants.size() - 1)).isAfter(instants.get(0)).isBeforeOrEqualTo(Instant.now());
    }
}
