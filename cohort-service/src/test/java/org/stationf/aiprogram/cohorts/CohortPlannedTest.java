package org.stationf.aiprogram.cohorts;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * resources-service takes a cohort's package only once it has heard of the cohort, so every cohort is announced: a new
 * one when it is created, and those made before the announcement existed by the migration that introduced it.
 */
@QuarkusTest
class CohortPlannedTest {

    private static final String BACKFILL = "db/migration/V2026_11_28_1400__cohort_planned_events.sql";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewCohortIsAnnounced() {
        String cohort = Candidates.cohort(UUID.randomUUID(), 5);

        List<JsonNode> planned = KafkaTopics.cloudEvents("program.cohorts", "CohortPlanned", cohort, 1, Duration.ofSeconds(20));
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).path("source").asText()).isEqualTo("/cohort-service");
        assertThat(planned.get(0).at("/data/cohortId").asText()).isEqualTo(cohort);
        assertThat(planned.get(0).at("/data/startDate").asText()).isEqualTo(Candidates.startDate(cohort).toString());
    }

    /** The migration's hand-written CloudEvent carries what the service's own announcement does. */
    @Test
    void cohortsMadeBeforeTheAnnouncementExistedAreAnnouncedByItsMigration() throws Exception {
        String cohort = Candidates.cohort(UUID.randomUUID(), 5);
        JsonNode live = KafkaTopics.cloudEvents("program.cohorts", "CohortPlanned", cohort, 1, Duration.ofSeconds(20)).get(0);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(BACKFILL)).readAllBytes(),
                    StandardCharsets.UTF_8));
        }

        List<JsonNode> planned = KafkaTopics.cloudEvents("program.cohorts", "CohortPlanned", cohort, 2, Duration.ofSeconds(20));
        assertThat(planned).hasSize(2);
        JsonNode backfilled = planned.stream().filter(event -> !event.path("id").equals(live.path("id"))).findFirst().orElseThrow();
        for (String member : List.of("specversion", "source", "type", "subject", "datacontenttype")) {
            assertThat(backfilled.path(member)).as(member).isEqualTo(live.path(member));
        }
        for (String field : List.of("cohortId", "name", "edition", "startDate", "endDate")) {
            assertThat(backfilled.path("data").path(field)).as(field).isEqualTo(live.path("data").path(field));
        }
        assertThat(UUID.fromString(backfilled.path("id").asText())).isNotNull();
        assertThat(OffsetDateTime.parse(backfilled.path("time").asText())).isBetween(
                OffsetDateTime.parse(live.path("time").asText()).minusMinutes(1), OffsetDateTime.parse(live.path("time").asText()));
        assertThat(OffsetDateTime.parse(backfilled.at("/data/at").asText())).isEqualTo(OffsetDateTime.parse(backfilled.path("time").asText()));
    }
}
