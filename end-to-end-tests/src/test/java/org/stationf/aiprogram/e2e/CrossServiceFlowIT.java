package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One event across two real services: an application submitted in applications-service reaches cohort-service
 * through the outbox, a real Kafka broker and cohort-service's inbox, and becomes a candidate there.
 */
@ExtendWith(RunningSuite.class)
class CrossServiceFlowIT {

    private static final String APPLICATIONS = "http://127.0.0.1:" + RunningSuite.APPLICATIONS_PORT;
    private static final String COHORTS = "http://127.0.0.1:" + RunningSuite.COHORT_PORT;

    @Test
    void aSubmittedApplicationBecomesACandidateInCohortService() {
        String admin = TestTokens.admin();
        LocalDateTime now = LocalDateTime.now();
        String call = given().baseUri(APPLICATIONS).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E call", "edition", "e2e", "description", "End-to-end", "timeZone", "Europe/Paris",
                        "opensAt", now.minusDays(1).withNano(0).toString(), "closesAt", now.plusDays(10).withNano(0).toString(),
                        "reviewClosesAt", now.plusDays(20).withNano(0).toString(), "places", 5, "partners", List.of("META"),
                        "eligibility", Map.of("requireOpenModel", true, "openModels", List.of("Llama")),
                        "questions", List.of(),
                        "rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(Map.of("key", "overall", "label", "Overall", "weight", 1)))))
                .post("/calls").then().statusCode(201).extract().path("id");
        given().baseUri(APPLICATIONS).auth().oauth2(admin).post("/calls/{id}/publish", call).then().statusCode(200);

        String founder = TestTokens.applicant("startup-e2e-" + System.nanoTime());
        String id = given().baseUri(APPLICATIONS).auth().oauth2(founder).contentType(ContentType.JSON)
                .body(Map.of("callId", call,
                        "company", Map.of("name", "Station F Robotics", "country", "FR"),
                        "founders", List.of(Map.of("name", "Ada", "email", "ada@robotics.example")),
                        "stage", "SEED", "teamSize", 3, "product", "Robots that read manuals",
                        "models", List.of(Map.of("name", "Llama 2 7B", "usage", "Instruction following"))))
                .post("/applications")
                .then().statusCode(201).extract().path("id");
        given().baseUri(APPLICATIONS).auth().oauth2(founder)
                .post("/applications/{id}/submit", id)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(COHORTS).auth().oauth2(admin)
                        .get("/candidates/{id}", id)
                        .then().statusCode(200)
                        .body("companyName", equalTo("Station F Robotics")));
    }
}
