package org.stationf.aiprogram.applications;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.eventing.OutboxRelay;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The submission and its event commit together; the event waits in the outbox until the relay can send it. */
@QuarkusTest
class OutboxTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

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

    private long unpublished(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND published_at IS NULL")
                .setParameter("id", aggregateId).getSingleResult()).longValue());
    }
}
