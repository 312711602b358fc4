package org.stationf.aiprogram.cohorts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.eventing.EventPublisher;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test broker, like Confluent Cloud and Amazon MSK by default, creates no topic on first use: the service declares
 * its own.
 */
@QuarkusTest
class EventTopicsTest {

    @Inject
    EventPublisher events;

    @Test
    void theServiceCreatesTheTopicsItWritesAndReadsAndItsDeadLetterTopicAtStart() {
        // What nobody declared stays missing, however it is used: reading it does not create it.
        KafkaTopics.records("program.nobody-declared", record -> true, 1, Duration.ofSeconds(2));

        Map<String, Integer> topics = KafkaTopics.partitionCounts();
        assertThat(topics).containsEntry("program.cohorts", 3)
                .containsEntry("program.applications", 3)
                .containsEntry("program.mentoring", 3)
                .containsEntry("cohort-service.dlq", 3)
                .doesNotContainKey("program.nobody-declared");
    }

    @Test
    void anEventForATopicTheServiceDoesNotDeclareIsRefusedBeforeItReachesTheOutbox() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                events.publish("program.nobody-declared", "CohortRenamed", UUID.randomUUID(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventing.topics.published");
    }
}
