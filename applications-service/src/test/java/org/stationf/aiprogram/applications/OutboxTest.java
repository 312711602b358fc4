package org.stationf.aiprogram.applications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.eventing.EventRetention;
import org.stationf.aiprogram.eventing.OutboxRelay;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.ServiceMetrics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submission and its event commit together; the event waits in the outbox until the relay can send it. The outbox and
 * the inbox keep rows only as long as they serve.
 */
@QuarkusTest
class OutboxTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventRetention retention;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void aCommittedEventWaitsInTheOutboxAndIsPublishedOnceTheRelayRuns() {
        relay.pause();
        String founder = Fixtures.applicant();
        String id = Fixtures.submitted(founder, Fixtures.application(Fixtures.openCall(), "Outbox Labs"));

        // Committed with the application, not yet on Kafka: as if the process had died right after the commit.
        assertThat(unpublished(id)).isEqualTo(1);
        assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 1, Duration.ofSeconds(2))).isEmpty();

        relay.resume();

        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(id) == 0);
        assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 2, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void theBacklogOfUnpublishedEventsIsAMetricAnOperatorCanAlertOn() {
        relay.pause();
        Fixtures.submitted(Fixtures.applicant(), Fixtures.application(Fixtures.openCall(), "Backlog Labs"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> ServiceMetrics.value("outbox_events_pending") >= 1);
        assertThat(ServiceMetrics.value("outbox_events_oldest_pending_age_seconds")).isGreaterThan(0);

        relay.resume();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> ServiceMetrics.value("outbox_events_pending") == 0);
        assertThat(ServiceMetrics.value("outbox_events_oldest_pending_age_seconds")).isZero();
    }

    @Test
    void whileAnotherInstancesRelayIsPublishingThisOneWaitsItsTurnSoEventsLeaveInOrder() throws Exception {
        try (Connection otherInstance = dataSource.getConnection()) {
            try (Statement lock = otherInstance.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            String id = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(Fixtures.openCall(), "Turn Taking Labs"));
            relay.wakeUp();
            assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 1, Duration.ofSeconds(3))).isEmpty();
            assertThat(unpublished(id)).isEqualTo(1);

            try (Statement unlock = otherInstance.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(id) == 0);
            assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 2, Duration.ofSeconds(5))).hasSize(1);
        }
    }

    @Test
    void publishedOutboxRowsAndProcessedInboxRowsAreDeletedOnceTheirRetentionIsOverButUnpublishedOnesNever() {
        relay.pause();
        String aggregate = "retention-" + UUID.randomUUID();
        String consumer = "retention-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outboxRow(aggregate, "8 days", "8 days");       // published a week and a day ago: past the 7 days kept
            outboxRow(aggregate, "2 hours", "2 hours");     // published today: kept
            outboxRow(aggregate, "40 days", null);          // never published, however old: kept until it is
            inboxRow(consumer, "31 days");                  // past the 30 days kept
            inboxRow(consumer, "1 day");
        });

        EventRetention.Purged purged = retention.purge();

        assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(purged.inboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = :key AND published_at IS NOT NULL", aggregate)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = :key AND published_at IS NULL", aggregate)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE consumer = :key", consumer)).isEqualTo(1);
        // The unpublished row is the test's own invention: it must not reach Kafka when the relay resumes.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("DELETE FROM outbox_event WHERE aggregate_id = :key")
                .setParameter("key", aggregate).executeUpdate());
    }

    private void outboxRow(String aggregate, String createdAgo, String publishedAgo) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, cloud_event, created_at, published_at)
                        VALUES (:id, 'retention.test', :aggregate, 'RetentionTest', '{}', now() - CAST(:created AS interval),
                                now() - CAST(:published AS interval))""")
                .setParameter("id", UUID.randomUUID()).setParameter("aggregate", aggregate)
                .setParameter("created", createdAgo).setParameter("published", publishedAgo)
                .executeUpdate();
    }

    private void inboxRow(String consumer, String processedAgo) {
        entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_source, event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)
                        VALUES (:consumer, '/retention-test', :id, 'RetentionTest', 'retention.test', 0, 0, now() - CAST(:processed AS interval))""")
                .setParameter("consumer", consumer).setParameter("id", UUID.randomUUID().toString()).setParameter("processed", processedAgo)
                .executeUpdate();
    }

    private long count(String query, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(query)
                .setParameter("key", key).getSingleResult()).longValue());
    }

    private long unpublished(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND published_at IS NULL")
                .setParameter("id", aggregateId).getSingleResult()).longValue());
    }
}
