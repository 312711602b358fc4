package org.stationf.aiprogram.applications;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DecisionTest {

    @Test
    void decisionsStayPrivateAndReversibleUntilPublishedThenApplicantsAndOtherServicesLearnThem() {
        String call = Fixtures.openCall();
        String winner = Fixtures.applicant();
        String loser = Fixtures.applicant();
        String shortlisted = Fixtures.submitted(winner, Fixtures.application(call, "Shortlisted AI"));
        String rejected = Fixtures.submitted(loser, Fixtures.application(call, "Rejected AI"));

        decide(rejected, "SHORTLISTED", "First thought");
        decide(rejected, "REJECTED", "Not substantively built on open models");
        decide(shortlisted, "REJECTED", "Oops");
        given().auth().oauth2(TestTokens.admin()).delete("/applications/{id}/decision", shortlisted).then().statusCode(200)
                .body("decision", nullValue());
        decide(shortlisted, "SHORTLISTED", "Top of the ranking");

        given().auth().oauth2(winner).get("/applications/{id}", shortlisted).then()
                .body("status", equalTo("SUBMITTED")).body("decision", nullValue());
        given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", shortlisted).then()
                .body("decision.decision", equalTo("SHORTLISTED")).body("decision.publishedAt", nullValue());

        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/decisions/publish", call).then().statusCode(200)
                .body("shortlisted", equalTo(1)).body("rejected", equalTo(1)).body("undecided", equalTo(0));

        given().auth().oauth2(winner).get("/applications/{id}", shortlisted).then()
                .body("status", equalTo("SHORTLISTED")).body("decision.reason", equalTo("Top of the ranking"));
        given().auth().oauth2(loser).get("/applications/{id}", rejected).then()
                .body("status", equalTo("REJECTED")).body("decision.reason", equalTo("Not substantively built on open models"));
        given().auth().oauth2(loser).get("/applications/{id}/history", rejected).then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "REJECTED")));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("decision", "SHORTLISTED", "reason", "Changed my mind"))
                .put("/applications/{id}/decision", rejected).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:decision-final"));
        given().auth().oauth2(TestTokens.admin()).delete("/applications/{id}/decision", shortlisted).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-startup-program:problem:decision-final"));
        given().auth().oauth2(winner).get("/applications/{id}", shortlisted).then()
                .body("status", equalTo("SHORTLISTED")).body("decision.decision", equalTo("SHORTLISTED"));

        List<JsonNode> events = KafkaTopics.cloudEvents("program.applications", "ApplicationShortlisted", shortlisted, 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("data").path("companyName").asText()).isEqualTo("Shortlisted AI");
        assertThat(events.get(0).path("data").path("founders").get(0).path("email").asText()).contains("@shortlisted-ai.example");
        assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationRejected", rejected, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void anIneligibleApplicationCannotBeShortlisted() {
        String call = Fixtures.openCall();
        Map<String, Object> application = Fixtures.application(call, "Idea Only");
        application.put("stage", "IDEA");
        String id = Fixtures.submitted(Fixtures.applicant(), application);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("decision", "SHORTLISTED", "reason", "x"))
                .put("/applications/{id}/decision", id).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:ineligible"));
    }

    @Test
    void aShortlistedApplicationIsTakenOffTheShortlistBeforeItsOverriddenToIneligible() {
        String call = Fixtures.openCall();
        String id = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Shortlisted Then Doubted"));
        decide(id, "SHORTLISTED", "Strong team");
        Map<String, String> ineligible = Map.of("outcome", "INELIGIBLE", "reason", "Its model turned out to be closed");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(ineligible)
                .post("/applications/{id}/eligibility", id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:shortlisted"));
        given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", id).then()
                .body("eligibility.outcome", equalTo("ELIGIBLE")).body("decision.decision", equalTo("SHORTLISTED"));

        given().auth().oauth2(TestTokens.admin()).delete("/applications/{id}/decision", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(ineligible)
                .post("/applications/{id}/eligibility", id).then().statusCode(200).body("eligibility.outcome", equalTo("INELIGIBLE"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/decisions/publish", call).then().statusCode(200)
                .body("shortlisted", equalTo(0));
    }

    /** cohort-service's outcome events move the application on, once, however often they are delivered. */
    @Test
    void selectionOutcomesFromCohortServiceUpdateTheApplicationIdempotently() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.submitted(founder, Fixtures.application(call, "Selected AI"));
        decide(id, "SHORTLISTED", "Great");
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/decisions/publish", call).then().statusCode(200);

        String selected = cohortEvent("CandidateSelected", id, "Selected for the 2024 cohort");
        KafkaTopics.send("program.cohorts", id, selected);
        KafkaTopics.send("program.cohorts", id, selected);
        KafkaTopics.send("program.cohorts", id, cohortEvent("OfferDeclined", id, "We raised a round instead"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(founder).get("/applications/{id}", id).then().body("status", equalTo("DECLINED")));
        given().auth().oauth2(founder).get("/applications/{id}/history", id).then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "SHORTLISTED", "SELECTED", "DECLINED")))
                .body("[3].actor", equalTo("cohort-service"))
                .body("[4].reason", equalTo("We raised a round instead"));
    }

    /** The cohort started with no place for these startups, one on the waitlist, one never picked: each founder reads a final answer. */
    @Test
    void startupsLeftWithoutAPlaceWhenTheCohortStartsAreNotSelected() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.submitted(founder, Fixtures.application(call, "Waiting AI"));
        String neverPickedFounder = Fixtures.applicant();
        String neverPicked = Fixtures.submitted(neverPickedFounder, Fixtures.application(call, "Shortlisted AI"));
        decide(id, "SHORTLISTED", "Strong team");
        decide(neverPicked, "SHORTLISTED", "Promising");
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/decisions/publish", call).then().statusCode(200);

        KafkaTopics.send("program.cohorts", id, cohortEvent("CandidateWaitlisted", id, "Waitlisted at position 1"));
        KafkaTopics.send("program.cohorts", id, cohortEvent("CandidateNotSelected", id, "The cohort started before a place came free"));
        KafkaTopics.send("program.cohorts", neverPicked, cohortEvent("CandidateNotSelected", neverPicked, "Not among the winners chosen before the cohort started"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(founder).get("/applications/{id}", id).then().body("status", equalTo("NOT_SELECTED")));
        given().auth().oauth2(founder).get("/applications/{id}/history", id).then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "SHORTLISTED", "WAITLISTED", "NOT_SELECTED")))
                .body("[4].reason", equalTo("The cohort started before a place came free"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(neverPickedFounder).get("/applications/{id}", neverPicked).then().body("status", equalTo("NOT_SELECTED")));
        given().auth().oauth2(neverPickedFounder).get("/applications/{id}/history", neverPicked).then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "SHORTLISTED", "NOT_SELECTED")))
                .body("[3].reason", equalTo("Not among the winners chosen before the cohort started"));
        // A final answer: there is nothing left to withdraw from.
        given().auth().oauth2(founder).contentType(ContentType.JSON).body(Map.of("reason", "Moving on"))
                .post("/applications/{id}/withdraw", id).then().statusCode(409);
    }

    /** The startup withdrew while its acceptance was on its way here: the withdrawal stands (cohort-service takes the member out). */
    @Test
    void anOutcomeArrivingAfterTheApplicationWasWithdrawnLeavesItWithdrawn() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.submitted(founder, Fixtures.application(call, "Withdrawing AI"));
        String other = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Staying AI"));
        decide(id, "SHORTLISTED", "Great");
        decide(other, "SHORTLISTED", "Great too");
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/decisions/publish", call).then().statusCode(200);
        KafkaTopics.send("program.cohorts", id, cohortEvent("CandidateSelected", id, "Selected for the 2024 cohort"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(founder).get("/applications/{id}", id).then().body("status", equalTo("SELECTED")));

        given().auth().oauth2(founder).contentType(ContentType.JSON).body(Map.of("reason", "We join another program"))
                .post("/applications/{id}/withdraw", id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        KafkaTopics.send("program.cohorts", id, cohortEvent("OfferAccepted", id, "Accepted"));
        // A later event on the same key, so the same partition: once it has had its effect, the acceptance was processed.
        KafkaTopics.send("program.cohorts", id, cohortEvent("CandidateSelected", other, "Selected for the 2024 cohort"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", other).then().body("status", equalTo("SELECTED")));
        given().auth().oauth2(founder).get("/applications/{id}", id).then().body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(founder).get("/applications/{id}/history", id).then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "SHORTLISTED", "SELECTED", "WITHDRAWN")));
    }

    private static String cohortEvent(String type, String applicationId, String reason) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/cohort-service", "type": "%s", "subject": "%s",
                 "time": "2024-01-05T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"applicationId": "%s", "cohortId": "%s", "reason": "%s"}}"""
                .formatted(UUID.randomUUID(), type, applicationId, applicationId, UUID.randomUUID(), reason);
    }

    private static void decide(String applicationId, String decision, String reason) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("decision", decision, "reason", reason))
                .put("/applications/{id}/decision", applicationId).then().statusCode(200)
                .body("decision.decision", equalTo(decision));
    }
}
