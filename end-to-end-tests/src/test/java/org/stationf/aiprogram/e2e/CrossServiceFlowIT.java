package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;

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
        String founder = TestTokens.applicant("startup-e2e-" + System.nanoTime());
        String id = given().baseUri(APPLICATIONS).auth().oauth2(founder).contentType(ContentType.JSON)
                .body("{\"companyName\": \"Station F Robotics\"}")
                .post("/applications")
                .then().statusCode(201).extract().path("id");
        given().baseUri(APPLICATIONS).auth().oauth2(founder)
                .post("/applications/{id}/submit", id)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(COHORTS).auth().oauth2(TestTokens.admin())
                        .get("/candidates/{id}", id)
                        .then().statusCode(200)
                        .body("companyName", equalTo("Station F Robotics")));
    }
}
