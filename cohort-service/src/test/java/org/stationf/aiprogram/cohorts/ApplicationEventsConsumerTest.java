package org.stationf.aiprogram.cohorts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.ServiceMetrics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** applications-service's events, as it publishes them, arriving through the real broker. */
@QuarkusTest
class ApplicationEventsConsumerTest {

    private static final String TOPIC = "program.applications";
    private static final String DLQ = "cohort-service.dlq";

    @Inject
    EntityManager entityManager;

    @Test
    void aShortlistedApplicationBecomesACandidateExactlyOnceHoweverOftenItIsDelivered() {
        UUID applicationId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = Candidates.shortlistedEvent(eventId, applicationId, UUID.randomUUID(), "startup-1", "Mistral Garden SAS", 1);

        KafkaTopics.send(TOPIC, applicationId.toString(), event);
        KafkaTopics.send(TOPIC, applicationId.toString(), event);
        KafkaTopics.send(TOPIC, applicationId.toString(), event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin())
                        .when().get("/candidates/{id}", applicationId)
                        .then().statusCode(200)
                        .body("companyName", equalTo("Mistral Garden SAS")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(eventId) == 1);
        // The later copies were skipped by the inbox, not refused by the table: nothing reached the dead-letter topic.
        sendMarkerAndAwait(applicationId.toString());
        assertThat(deadLetters(eventId)).isEmpty();
        assertThat(candidates(applicationId)).isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() {
        UUID applicationId = UUID.randomUUID();
        String key = applicationId.toString();
        String unknownTypeId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        List<String> series = List.of("type=\"unreadable\"", "type=\"unknown\"", "type=\"ApplicationShortlisted\"");
        List<Double> deadLetteredBefore = series.stream().map(type -> ServiceMetrics.sum("inbox_events_total", type, "outcome=\"dead-lettered\"")).toList();
        double appliedBefore = ServiceMetrics.sum("inbox_events_total", "type=\"ApplicationShortlisted\"", "outcome=\"applied\"");

        KafkaTopics.send(TOPIC, key, "this is not JSON {" + key);
        KafkaTopics.send(TOPIC, key, cloudEvent(unknownTypeId, "ApplicationTeleported", applicationId, "{\"applicationId\": \"" + applicationId + "\"}"));
        KafkaTopics.send(TOPIC, key, cloudEvent(invalidId, "ApplicationShortlisted", applicationId,
                "{\"applicationId\": \"" + applicationId + "\", \"callId\": \"" + UUID.randomUUID() + "\", \"applicantId\": \"a\", \"shortlistedAt\": \"2023-11-30T10:00:00Z\"}"));
        KafkaTopics.send(TOPIC, key, Candidates.shortlistedEvent(UUID.randomUUID().toString(), applicationId, UUID.randomUUID(), "startup-2", "Hugging Bees", 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin())
                        .when().get("/candidates/{id}", applicationId)
                        .then().statusCode(200)
                        .body("companyName", equalTo("Hugging Bees")));

        List<ConsumerRecord<String, String>> dead = KafkaTopics.records(DLQ, r -> key.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(dead).hasSize(3);
        assertThat(KafkaTopics.deadLetterReason(dead.get(0))).contains("not a CloudEvent");
        assertThat(KafkaTopics.deadLetterReason(dead.get(1))).contains("unknown event type 'ApplicationTeleported'");
        assertThat(KafkaTopics.deadLetterReason(dead.get(2))).contains("companyName");
        // What an operator needs to send it again once the cause is fixed: the record as it came, and where from.
        assertThat(dead.get(1).value()).isEqualTo(cloudEvent(unknownTypeId, "ApplicationTeleported", applicationId,
                "{\"applicationId\": \"" + applicationId + "\"}"));
        assertThat(KafkaTopics.header(dead.get(1), "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTopics.header(dead.get(1), "dead-letter-offset")).matches("\\d+");
        assertThat(candidates(applicationId)).isEqualTo(1);
        // Each dead letter is counted where an alert can watch it; a type no route knows as "unknown".
        assertThat(series.stream().map(type -> ServiceMetrics.sum("inbox_events_total", type, "outcome=\"dead-lettered\"")).toList())
                .isEqualTo(deadLetteredBefore.stream().map(before -> before + 1).toList());
        assertThat(ServiceMetrics.sum("inbox_events_total", "type=\"ApplicationShortlisted\"", "outcome=\"applied\"")).isEqualTo(appliedBefore + 1);
    }

    @Test
    void aWithdrawnApplicationIsNoLongerSelectable() {
        UUID callId = UUID.randomUUID();
        Candidates.Shortlisted candidate = Candidates.shortlist(callId, 1).get(0);
        Candidates.withdraw(candidate, "Joined another program");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/candidates/{id}", candidate.applicationId())
                        .then().body("withdrawnAt", notNullValue()));
        String cohort = Candidates.selectingCohort(callId, 5);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(java.util.Map.of("applicationId", candidate.applicationId()))
                .post("/cohorts/{id}/selections", cohort)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:candidate-withdrawn"));
    }

    /**
     * The startup accepted its offer and withdrew its application at once (or with the broker down in between):
     * applications-service took the withdrawal before it learnt of the acceptance, so the withdrawal is the last word.
     */
    @Test
    void anApplicationWithdrawnAsItsOfferWasAcceptedTakesTheMemberOutAndGivesThePlaceToTheWaitlist() {
        UUID callId = UUID.randomUUID();
        List<Candidates.Shortlisted> candidates = Candidates.shortlist(callId, 2);
        Candidates.Shortlisted accepting = candidates.get(0);
        Candidates.Shortlisted waiting = candidates.get(1);
        String cohort = Candidates.selectingCohort(callId, 1);
        String member = Candidates.enroll(cohort, accepting);
        Candidates.waitlist(cohort, waiting.applicationId());

        Candidates.withdraw(accepting, "We join another program");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(accepting.token()).get("/members/{id}", member).then().statusCode(200)
                        .body("status", equalTo("WITHDRAWN")).body("leftReason", equalTo("Application withdrawn: We join another program")));
        given().auth().oauth2(waiting.token()).get("/offers").then().statusCode(200).body("[0].status", equalTo("OFFERED"));
        List<JsonNode> left = KafkaTopics.cloudEvents("program.cohorts", "MemberWithdrew", member, 1, Duration.ofSeconds(20));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("data").path("initiatedBy").asText()).isEqualTo("MEMBER");

        // Delivered again, it changes nothing more.
        Candidates.withdraw(accepting, "We join another program");
        sendMarkerAndAwait(accepting.applicationId().toString());
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "MemberWithdrew", member, 2, Duration.ofSeconds(3))).hasSize(1);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(1));
    }

    @Test
    void candidatesAreForAdminsOnly() {
        given().auth().oauth2(TestTokens.applicant("startup-1"))
                .when().get("/candidates")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin())
                .when().get("/candidates/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A later event on the same key (so the same partition): once it is processed, everything before it was too. */
    private void sendMarkerAndAwait(String key) {
        UUID marker = UUID.randomUUID();
        KafkaTopics.send(TOPIC, key, Candidates.shortlistedEvent(UUID.randomUUID().toString(), marker, UUID.randomUUID(), "startup-m", "Marker", 9));
        await().atMost(Duration.ofSeconds(30)).until(() -> candidates(marker) == 1);
    }

    private long inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
    }

    private long candidates(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM candidate WHERE application_id = :id").setParameter("id", applicationId)
                .getSingleResult()).longValue());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String eventId) {
        return KafkaTopics.records(DLQ, r -> r.value() != null && r.value().contains(eventId), 1, Duration.ofSeconds(3));
    }

    static String cloudEvent(String eventId, String type, UUID subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/applications-service", "type": "%s", "subject": "%s",
                 "time": "2023-11-30T10:00:00Z", "datacontenttype": "application/json", "data": %s}"""
                .formatted(eventId, type, subject, data);
    }
}
