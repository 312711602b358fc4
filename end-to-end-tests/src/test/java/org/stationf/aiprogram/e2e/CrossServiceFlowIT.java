package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Events across real services, each its own process, through a real Kafka broker, driven through the gateway only:
 * a shortlisted application becomes a candidate in cohort-service, its selection moves the application to SELECTED in
 * applications-service, and the accepted offer gives the new member its partner grants in resources-service.
 */
@ExtendWith(RunningSuite.class)
class CrossServiceFlowIT {

    @Test
    void aShortlistedApplicationIsSelectedAndTheMemberGetsItsGrants() throws Exception {
        String admin = Api.admin();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String call = Api.as(admin).contentType(ContentType.JSON).body("""
                        {"name": "E2E call", "edition": "e2e", "description": "End to end", "timeZone": "Europe/Paris",
                         "opensAt": "%s", "closesAt": "%s", "reviewClosesAt": "%s", "places": 5, "reviewersPerApplication": 1,
                         "partners": ["META"], "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]},
                         "questions": [],
                         "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}"""
                        .formatted(now.minusDays(1), now.plusDays(10), now.plusDays(20)))
                .post("/api/calls").then().statusCode(201).extract().path("id");
        Api.as(admin).post("/api/calls/{id}/publish", call).then().statusCode(200);
        String reviewerAccount = "e2e-reviewer-" + UUID.randomUUID();
        String reviewerToken = Api.client(List.of("reviewer"), null, reviewerAccount);
        String reviewer = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("accountId", reviewerAccount, "name", "Rita", "email", "rita@meta.example", "organization", "META"))
                .post("/api/reviewers").then().statusCode(201).extract().path("id");
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("reviewerIds", List.of(reviewer)))
                .put("/api/calls/{id}/reviewers", call).then().statusCode(200);

        String founder = Api.founder("Ada Lovelace");
        String application = Api.as(founder).contentType(ContentType.JSON)
                .body(Map.of("callId", call,
                        "company", Map.of("name", "Station F Robotics", "country", "FR"),
                        "founders", List.of(Map.of("name", "Ada", "email", "ada@robotics.example")),
                        "stage", "SEED", "teamSize", 3, "product", "Robots that read manuals",
                        "models", List.of(Map.of("name", "Llama 2 7B", "usage", "Instruction following"))))
                .post("/api/applications").then().statusCode(201)
                .header("Location", containsString("/api/applications/"))
                .extract().path("id");
        String requestId = "e2e-submit-" + UUID.randomUUID();
        Api.as(founder).header("X-Request-Id", requestId).post("/api/applications/{id}/submit", application).then().statusCode(200)
                .header("X-Request-Id", requestId);
        // Both lines are written as the request ends, so the logs may trail the answer by a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Files.readString(RunningSuite.logOf("gateway"))).contains("req=" + requestId);
            assertThat(Files.readString(RunningSuite.logOf("applications-service"))).contains("req=" + requestId);
        });

        Api.as(admin).post("/api/calls/{id}/assignments", call).then().statusCode(200);
        String review = Api.as(reviewerToken).get("/api/reviews").then().statusCode(200).extract().path("items[0].id");
        Api.as(reviewerToken).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(Map.of("criterion", "overall", "score", 5, "comment", "Excellent"))))
                .put("/api/reviews/{id}/scores", review).then().statusCode(200);
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("decision", "SHORTLISTED", "reason", "Best of the call"))
                .put("/api/applications/{id}/decision", application).then().statusCode(200);
        Api.as(admin).post("/api/calls/{id}/decisions/publish", call).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(admin).get("/api/candidates/{id}", application).then().statusCode(200)
                        .body("companyName", equalTo("Station F Robotics")));

        LocalDate today = LocalDate.now();
        String cohort = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E cohort", "edition", "e2e", "callId", call,
                        "startDate", today.plusMonths(1).toString(), "endDate", today.plusMonths(6).toString()))
                .post("/api/cohorts").then().statusCode(201).extract().path("id");
        Api.as(admin).post("/api/cohorts/{id}/open-selection", cohort).then().statusCode(200);
        Program.putPackage(admin, cohort, Map.of("name", "E2E package", "items", List.of(
                Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS", "description", "Mentoring", "amount", "20", "unit", "HOUR"),
                Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS", "description", "Credits", "amount", "30000", "unit", "EUR"))))
                .statusCode(200);
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", application))
                .post("/api/cohorts/{id}/selections", cohort).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(founder).get("/api/applications/{id}", application).then().statusCode(200).body("status", equalTo("SELECTED")));

        String offer = Api.as(founder).get("/api/offers").then().statusCode(200).extract().path("[0].id");
        Api.as(founder).contentType(ContentType.JSON).body(Map.of()).post("/api/offers/{id}/accept", offer).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(founder).get("/api/resources/grants").then().statusCode(200)
                        .body("partner", containsInAnyOrder("META", "SCALEWAY"))
                        .body("status", everyItem(equalTo("ISSUED"))));
        Api.as(Api.partner("SCALEWAY")).get("/api/resources/grants").then().statusCode(200)
                .body("partner", everyItem(equalTo("SCALEWAY")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(founder).get("/api/applications/{id}", application).then().body("status", equalTo("ACCEPTED")));
    }

    /**
     * A cohort made by mistake is discarded while planned: resources-service drops the package already set for it, and
     * applications-service, which reads the same topic, passes the event by rather than dead-lettering it.
     */
    @Test
    void aDiscardedCohortTakesItsPackageWithIt() {
        String admin = Api.admin();
        LocalDate today = LocalDate.now();
        String cohort = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Made by mistake", "edition", "e2e", "callId", UUID.randomUUID().toString(),
                        "startDate", today.plusMonths(1).toString(), "endDate", today.plusMonths(6).toString()))
                .post("/api/cohorts").then().statusCode(201).extract().path("id");
        Map<String, Object> resourcePackage = Map.of("name", "E2E package", "items", List.of(
                Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS", "description", "Credits", "amount", "30000", "unit", "EUR")));
        Program.putPackage(admin, cohort, resourcePackage).statusCode(200);

        Api.as(admin).delete("/api/cohorts/{id}", cohort).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(admin).get("/api/resources/packages/{id}", cohort).then().statusCode(404));
        Api.as(admin).contentType(ContentType.JSON).body(resourcePackage).put("/api/resources/packages/{id}", cohort).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-discarded"));
        for (String deadLetters : List.of("applications-service.dlq", "resources-service.dlq")) {
            assertThat(KafkaTopics.records(RunningSuite.KAFKA, deadLetters, r -> cohort.equals(r.key()), 1, Duration.ofSeconds(5)))
                    .as(deadLetters).extracting(KafkaTopics::deadLetterReason).isEmpty();
        }
    }
}
