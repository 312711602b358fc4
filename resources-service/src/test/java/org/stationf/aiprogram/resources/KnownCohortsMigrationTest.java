package org.stationf.aiprogram.resources;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.PostgresDatabaseResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database already in use keeps what it knew of its cohorts when completed_cohort and discarded_cohort become
 * known_cohort, and a cohort it already holds a package or members of may have its package changed at once, without
 * waiting for cohort-service to announce it.
 */
class KnownCohortsMigrationTest {

    private static final String BEFORE = "2026.11.28.1200";

    @Test
    void whatTheServiceKnewOfItsCohortsIsKept() throws Exception {
        PostgresDatabaseResource database = new PostgresDatabaseResource();
        database.init(Map.of("database", "resources_migration_test"));
        String url = database.start().get("quarkus.datasource.jdbc.url");
        migrate(url, BEFORE);
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabaseResource.APP_USER, PostgresDatabaseResource.APP_PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO resource_package (cohort_id, version, name, items, updated_at) VALUES
                        ('00000000-0000-0000-0000-000000000001', 0, '2024 package', '[]', '2024-01-02T10:00:00Z'),
                        ('00000000-0000-0000-0000-000000000002', 0, '2025 package', '[]', '2025-01-02T10:00:00Z');
                    INSERT INTO enrollment (member_id, cohort_id, application_id, applicant_id, company_name, contacts, status, enrolled_at) VALUES
                        ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'a', 'A', '[]', 'ENROLLED', '2024-01-01T10:00:00Z'),
                        ('10000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'b', 'B', '[]', 'ENROLLED', '2024-01-05T10:00:00Z');
                    INSERT INTO completed_cohort (cohort_id, completed_at) VALUES ('00000000-0000-0000-0000-000000000001', '2024-06-28T18:00:00Z');
                    INSERT INTO discarded_cohort (cohort_id, discarded_at) VALUES ('00000000-0000-0000-0000-000000000003', '2024-01-03T10:00:00Z');
                    """);

            migrate(url, "latest");

            List<String> known = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT cohort_id, planned_at, completed_at, discarded_at FROM known_cohort ORDER BY cohort_id")) {
                while (rows.next()) {
                    known.add(rows.getString(1).substring(35) + " planned " + instant(rows, 2) + " completed " + instant(rows, 3)
                            + " discarded " + instant(rows, 4));
                }
            }
            assertThat(known).containsExactly(
                    "1 planned 2024-01-01T10:00:00Z completed 2024-06-28T18:00:00Z discarded null",
                    "2 planned 2025-01-02T10:00:00Z completed null discarded null",
                    "3 planned null completed null discarded 2024-01-03T10:00:00Z");
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, PostgresDatabaseResource.APP_USER, PostgresDatabaseResource.APP_PASSWORD)
                .locations("classpath:db/migration", "classpath:db/eventing").target(target).load().migrate();
    }

    private static String instant(ResultSet rows, int column) throws Exception {
        java.sql.Timestamp value = rows.getTimestamp(column);
        return value == null ? "null" : value.toInstant().toString();
    }
}
