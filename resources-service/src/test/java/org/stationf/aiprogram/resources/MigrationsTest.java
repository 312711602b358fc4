package org.stationf.aiprogram.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.PostgresDatabaseResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A database already in use, migrated from the version before a migration that changes its data, keeps what it should. */
class MigrationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the service knew of its cohorts is kept when completed_cohort and discarded_cohort become known_cohort, and a
     * cohort it already holds a package or members of may have its package changed at once, without waiting for
     * cohort-service to announce it.
     */
    @Test
    void whatTheServiceKnewOfItsCohortsIsKept() throws Exception {
        String url = databaseAt("2026.11.28.1200");
        try (Connection database = connect(url); Statement sql = database.createStatement()) {
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

            assertThat(rows(sql, "SELECT cohort_id, planned_at, completed_at, discarded_at FROM known_cohort ORDER BY cohort_id",
                    row -> row.getString(1).substring(35) + " planned " + instant(row, 2) + " completed " + instant(row, 3) + " discarded " + instant(row, 4)))
                    .containsExactly(
                            "1 planned 2024-01-01T10:00:00Z completed 2024-06-28T18:00:00Z discarded null",
                            "2 planned 2025-01-02T10:00:00Z completed null discarded null",
                            "3 planned null completed null discarded 2024-01-03T10:00:00Z");
        }
    }

    /** Slots that opened again after their mentor left (as an earlier version let them) are withdrawn; no other slot changes. */
    @Test
    void openSlotsOfMentorsWhoLeftAreWithdrawn() throws Exception {
        String url = databaseAt("2026.11.28.1400");
        try (Connection database = connect(url); Statement sql = database.createStatement()) {
            sql.execute("""
                    INSERT INTO mentor (id, version, partner, name, email, active, created_at) VALUES
                        ('00000000-0000-0000-0000-00000000000a', 0, 'META', 'Left', 'left@meta.example', false, '2024-01-02T10:00:00Z'),
                        ('00000000-0000-0000-0000-00000000000b', 0, 'META', 'Stays', 'stays@meta.example', true, '2024-01-02T10:00:00Z');
                    INSERT INTO mentoring_slot (id, version, mentor_id, starts_at, ends_at, status, created_at) VALUES
                        ('10000000-0000-0000-0000-000000000001', 3, '00000000-0000-0000-0000-00000000000a', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z', 'OPEN', '2024-01-02T10:00:00Z'),
                        ('10000000-0000-0000-0000-000000000002', 1, '00000000-0000-0000-0000-00000000000a', '2030-01-02T10:00:00Z', '2030-01-02T11:00:00Z', 'BOOKED', '2024-01-02T10:00:00Z'),
                        ('10000000-0000-0000-0000-000000000003', 0, '00000000-0000-0000-0000-00000000000b', '2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z', 'OPEN', '2024-01-02T10:00:00Z');
                    """);

            migrate(url, "latest");

            assertThat(rows(sql, "SELECT id, status, version FROM mentoring_slot ORDER BY id",
                    row -> row.getString(1).substring(35) + " " + row.getString(2) + " v" + row.getLong(3)))
                    .containsExactly("1 CANCELLED v4", "2 BOOKED v1", "3 OPEN v0");
        }
    }

    /**
     * Sessions booked before their bookings were events, and not cancelled since, are announced once through the
     * outbox, as a booking would be now, so that cohort-service puts them in their members' calendars.
     */
    @Test
    void sessionsBookedBeforeBookingsWereEventsAreAnnounced() throws Exception {
        String url = databaseAt("2026.11.28.1600");
        try (Connection database = connect(url); Statement sql = database.createStatement()) {
            sql.execute("""
                    INSERT INTO enrollment (member_id, cohort_id, application_id, applicant_id, company_name, contacts, status, enrolled_at) VALUES
                        ('20000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'a', 'A', '[]', 'ENROLLED', '2024-01-01T10:00:00Z');
                    INSERT INTO grant_account (id, version, cohort_id, member_id, partner, item_key, kind, description, unit, amount_granted, balance, status, issued_at) VALUES
                        ('30000000-0000-0000-0000-000000000001', 0, '00000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001',
                         'META', 'meta-mentoring', 'MENTORING_HOURS', 'Mentoring', 'HOUR', 20, 20, 'ACTIVE', '2024-01-01T10:00:00Z');
                    INSERT INTO mentor (id, version, partner, name, email, active, created_at) VALUES
                        ('00000000-0000-0000-0000-00000000000a', 0, 'META', 'Dr. Lea Fontaine', 'lea@meta.example', true, '2024-01-02T10:00:00Z');
                    INSERT INTO mentoring_slot (id, version, mentor_id, starts_at, ends_at, status, created_at) VALUES
                        ('10000000-0000-0000-0000-000000000001', 1, '00000000-0000-0000-0000-00000000000a', '2030-01-01T10:00:00Z', '2030-01-01T11:30:00Z', 'BOOKED', '2024-01-02T10:00:00Z'),
                        ('10000000-0000-0000-0000-000000000002', 1, '00000000-0000-0000-0000-00000000000a', '2024-01-03T10:00:00Z', '2024-01-03T11:00:00Z', 'BOOKED', '2024-01-02T10:00:00Z'),
                        ('10000000-0000-0000-0000-000000000003', 1, '00000000-0000-0000-0000-00000000000a', '2030-01-02T10:00:00Z', '2030-01-02T11:00:00Z', 'OPEN', '2024-01-02T10:00:00Z');
                    INSERT INTO mentoring_session (id, version, slot_id, member_id, grant_id, status, booked_at, ended_at, note) VALUES
                        ('40000000-0000-0000-0000-000000000001', 0, '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001',
                         '30000000-0000-0000-0000-000000000001', 'BOOKED', '2024-01-02T12:00:00Z', NULL, NULL),
                        ('40000000-0000-0000-0000-000000000002', 0, '10000000-0000-0000-0000-000000000002', '20000000-0000-0000-0000-000000000001',
                         '30000000-0000-0000-0000-000000000001', 'DELIVERED', '2024-01-02T11:00:00Z', '2024-01-03T11:00:00Z', 'Mentoring session delivered'),
                        ('40000000-0000-0000-0000-000000000003', 0, '10000000-0000-0000-0000-000000000003', '20000000-0000-0000-0000-000000000001',
                         '30000000-0000-0000-0000-000000000001', 'CANCELLED_EARLY', '2024-01-02T13:00:00Z', '2024-01-02T14:00:00Z', 'Cancelled');
                    """);

            migrate(url, "latest");

            List<JsonNode> announced = rows(sql, "SELECT topic, aggregate_id, event_type, cloud_event FROM outbox_event ORDER BY position", row -> {
                assertThat(row.getString(1)).isEqualTo("program.mentoring");
                assertThat(row.getString(3)).isEqualTo("MentoringSessionBooked");
                JsonNode event = JSON.readTree(row.getString(4));
                assertThat(event.path("subject").asText()).isEqualTo(row.getString(2));
                return event;
            });
            assertThat(announced).extracting(event -> event.path("subject").asText())
                    .containsExactly("40000000-0000-0000-0000-000000000002", "40000000-0000-0000-0000-000000000001");
            JsonNode booked = announced.get(1);
            assertThat(booked.path("type").asText()).isEqualTo("MentoringSessionBooked");
            assertThat(booked.path("source").asText()).isEqualTo("/resources-service");
            assertThat(Instant.parse(booked.path("time").asText())).isEqualTo(Instant.parse("2024-01-02T12:00:00Z"));
            JsonNode data = booked.path("data");
            assertThat(data.path("sessionId").asText()).isEqualTo("40000000-0000-0000-0000-000000000001");
            assertThat(data.path("cohortId").asText()).isEqualTo("00000000-0000-0000-0000-000000000001");
            assertThat(data.path("memberId").asText()).isEqualTo("20000000-0000-0000-0000-000000000001");
            assertThat(data.path("mentorName").asText()).isEqualTo("Dr. Lea Fontaine");
            assertThat(data.path("partner").asText()).isEqualTo("META");
            assertThat(data.path("partnerName").asText()).isEqualTo("Meta");
            assertThat(Instant.parse(data.path("startsAt").asText())).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
            assertThat(Instant.parse(data.path("endsAt").asText())).isEqualTo(Instant.parse("2030-01-01T11:30:00Z"));
            assertThat(data.path("status").asText()).isEqualTo("BOOKED");
            assertThat(announced.get(0).path("data").path("status").asText()).isEqualTo("DELIVERED");
        }
    }

    private interface Row<T> {
        T read(ResultSet row) throws Exception;
    }

    /** A fresh database migrated up to {@code version}: its URL. */
    private static String databaseAt(String version) {
        PostgresDatabaseResource database = new PostgresDatabaseResource();
        database.init(Map.of("database", "resources_migration_test"));
        String url = database.start().get("quarkus.datasource.jdbc.url");
        migrate(url, version);
        return url;
    }

    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, PostgresDatabaseResource.APP_USER, PostgresDatabaseResource.APP_PASSWORD);
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, PostgresDatabaseResource.APP_USER, PostgresDatabaseResource.APP_PASSWORD)
                .locations("classpath:db/migration", "classpath:db/eventing").target(target).load().migrate();
    }

    private static <T> List<T> rows(Statement sql, String query, Row<T> read) throws Exception {
        List<T> rows = new ArrayList<>();
        try (ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                rows.add(read.read(row));
            }
        }
        return rows;
    }

    private static String instant(ResultSet rows, int column) throws Exception {
        java.sql.Timestamp value = rows.getTimestamp(column);
        return value == null ? "null" : value.toInstant().toString();
    }
}
