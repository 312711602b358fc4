package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Events across real services, each its own process, through a real Kafka broker: a shortlisted application becomes a
 * candidate in cohort-service, its selection there moves the application to SELECTED in applications-service, and the
 * accepted offer gives the new member its partner grants in resources-service.
 */
@ExtendWith(RunningSuite.class)
class CrossServiceFlowIT {

    private static final String APPLICATIONS = "http://127.0.0.1:" + RunningSuite.APPLICATIONS_PORT;
    private static final String COHORTS = "http://127.0.0.1:" + RunningSuite.COHORT_PORT;
    private static final String RESOURCES = "http://127.0.0.1:" + RunningSuite.RESOURCES_PORT;

    @Test
    void aShortlistedApplicationIsSelectedInCohortServiceAndTheApplicationLearnsIt() {
        String admin = TestTokens.admin();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String call = applications(admin).contentType(ContentType.JSON).body("""
                        {"name": "E2E call", "edition": "e2e", "description": "End to end", "timeZone": "Europe/Paris",
                         "opensAt": "%s", "closesAt": "%s", "reviewClosesAt": "%s", "places": 5, "reviewersPerApplication": 1,
                         "partners": ["META"], "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]},
                         "questions": [],
                         "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}"""
                        .formatted(now.minusDays(1), now.plusDays(10), now.plusDays(20)))
                .post("/calls").then().statusCode(201).extract().path("id");
        applications(admin).post("/calls/{id}/publish", call).then().statusCode(200);
        String reviewerAccount = "e2e-reviewer-" + UUID.randomUUID();
        String reviewer = applications(admin).contentType(ContentType.JSON)
                .body(Map.of("accountId", reviewerAccount, "name", "Rita", "email", "rita@meta.example", "organization", "META"))
                .post("/reviewers").then().statusCode(201).extract().path("id");
        applications(admin).contentType(ContentType.JSON).body(Map.of("reviewerIds", List.of(reviewer)))
                .put("/calls/{id}/reviewers", call).then().statusCode(200);

        String founder = TestTokens.applicant("startup-e2e-" + UUID.randomUUID());
        String application = applications(founder).contentType(ContentType.JSON)
                .body(Map.of("callId", call,
                        "company", Map.of("name", "Station F Robotics", "country", "FR"),
                        "founders", List.of(Map.of("name", "Ada", "email", "ada@robotics.example")),
                        "stage", "SEED", "teamSize", 3, "product", "Robots that read manuals",
                        "models", List.of(Map.of("name", "Llama 2 7B", "usage", "Instruction following"))))
                .post("/applications").then().statusCode(201).extract().path("id");
        applications(founder).post("/applications/{id}/submit", application).then().statusCode(200);

        applications(admin).post("/calls/{id}/assignments", call).then().statusCode(200);
        String review = applications(TestTokens.reviewer(reviewerAccount)).get("/reviews").then().statusCode(200).extract().path("[0].id");
        applications(TestTokens.reviewer(reviewerAccount)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterion", "overall", "score", 5, "comment", "Excellent"))))
                .put("/reviews/{id}/scores", review).then().statusCode(200);
        applications(admin).contentType(ContentType.JSON).body(Map.of("decision", "SHORTLISTED", "reason", "Best of the call"))
                .put("/applications/{id}/decision", application).then().statusCode(200);
        applications(admin).post("/calls/{id}/decisions/publish", call).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                cohorts(admin).get("/candidates/{id}", application).then().statusCode(200)
                        .body("companyName", equalTo("Station F Robotics")));

        LocalDate today = LocalDate.now();
        String cohort = cohorts(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E cohort", "edition", "e2e", "callId", call,
                        "startDate", today.plusMonths(1).toString(), "endDate", today.plusMonths(6).toString()))
                .post("/cohorts").then().statusCode(201).extract().path("id");
        cohorts(admin).post("/cohorts/{id}/open-selection", cohort).then().statusCode(200);
        given().baseUri(RESOURCES).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E package", "items", List.of(
                        Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS", "description", "Mentoring", "amount", "20", "unit", "HOUR"),
                        Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS", "description", "Credits", "amount", "30000", "unit", "EUR"))))
                .put("/packages/{id}", cohort).then().statusCode(200);
        cohorts(admin).contentType(ContentType.JSON).body(Map.of("applicationId", application))
                .post("/cohorts/{id}/selections", cohort).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                applications(founder).get("/applications/{id}", application).then().statusCode(200)
                        .body("status", equalTo("SELECTED")));

        String offer = cohorts(founder).get("/offers").then().statusCode(200).extract().path("[0].id");
        cohorts(founder).contentType(ContentType.JSON).body(Map.of()).post("/offers/{id}/accept", offer).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(RESOURCES).auth().oauth2(founder).get("/grants").then().statusCode(200)
                        .body("partner", org.hamcrest.Matchers.containsInAnyOrder("META", "SCALEWAY"))
                        .body("status", org.hamcrest.Matchers.everyItem(equalTo("ISSUED"))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                applications(founder).get("/applications/{id}", application).then().body("status", equalTo("ACCEPTED")));
    }

    private static RequestSpecification applications(String token) {
        return given().baseUri(APPLICATIONS).auth().oauth2(token);
    }

    private static RequestSpecification cohorts(String token) {
        return given().baseUri(COHORTS).auth().oauth2(token);
    }
}
