package org.stationf.aiprogram.applications;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ApplicationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void applicantDraftsAndSubmitsAndTheSubmissionIsPublishedAsACloudEvent() {
        String founder = TestTokens.applicant("startup-" + System.nanoTime());
        String id = given().auth().oauth2(founder).contentType(ContentType.JSON)
                .body("{\"companyName\": \"Mistral Garden SAS\"}")
                .when().post("/applications")
                .then().statusCode(201)
                .header("Location", containsString("/applications/"))
                .body("status", equalTo("DRAFT"))
                .extract().path("id");

        given().auth().oauth2(founder)
                .when().post("/applications/{id}/submit", id)
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedAt", notNullValue());

        List<JsonNode> published = KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 1, Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        JsonNode event = published.get(0);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/applications-service");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("time").asText()).isNotBlank();
        assertThat(event.path("data").path("companyName").asText()).isEqualTo("Mistral Garden SAS");
    }

    @Test
    void submittingTwiceIsAConflict() {
        String founder = TestTokens.applicant("startup-" + System.nanoTime());
        String id = draft(founder);
        given().auth().oauth2(founder).post("/applications/{id}/submit", id).then().statusCode(200);
        given().auth().oauth2(founder)
                .when().post("/applications/{id}/submit", id)
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:invalid-transition"))
                .body("status", equalTo(409));
    }

    @Test
    void anApplicantCannotSeeAnotherApplicantsApplication() {
        String id = draft(TestTokens.applicant("startup-a-" + System.nanoTime()));
        given().auth().oauth2(TestTokens.applicant("startup-b-" + System.nanoTime()))
                .when().get("/applications/{id}", id)
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("instance", equalTo("/applications/" + id));
        given().auth().oauth2(TestTokens.admin())
                .when().get("/applications/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void everyCallNeedsAValidToken() {
        given().when().get("/applications/{id}", java.util.UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Authentication required"));
        given().auth().oauth2(TestTokens.expired("someone", java.util.Set.of("applicant")))
                .contentType(ContentType.JSON).body("{\"companyName\": \"X\"}")
                .when().post("/applications")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.signedByUnknownKey("someone", java.util.Set.of("applicant")))
                .contentType(ContentType.JSON).body("{\"companyName\": \"X\"}")
                .when().post("/applications")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META"))
                .contentType(ContentType.JSON).body("{\"companyName\": \"X\"}")
                .when().post("/applications")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String founder = TestTokens.applicant("startup-" + System.nanoTime());
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("{\"companyName\": ")
                .when().post("/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:malformed-json"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("{}")
                .when().post("/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("companyName"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("{\"companyName\": {\"nested\": true}}")
                .when().post("/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("companyName"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("{\"companyName\": \"A\", \"ceo\": \"B\"}")
                .when().post("/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("ceo"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("")
                .when().post("/applications")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(founder).contentType(ContentType.JSON).body("{\"companyName\": \"" + "x".repeat(2_000_000) + "\"}")
                .when().post("/applications")
                .then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(founder).contentType(ContentType.TEXT).body("companyName=A")
                .when().post("/applications")
                .then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(founder)
                .when().get("/applications/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(founder)
                .when().get("/no-such-resource")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(founder)
                .when().delete("/applications/{id}", java.util.UUID.randomUUID())
                .then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void theRequestIdIsKeptAndEchoed() {
        given().header("X-Request-Id", "req-12345")
                .when().get("/applications/{id}", java.util.UUID.randomUUID())
                .then().statusCode(401)
                .header("X-Request-Id", "req-12345")
                .body("requestId", equalTo("req-12345"));
    }

    private static String draft(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"companyName\": \"Hugging Bees\"}")
                .post("/applications").then().statusCode(201).extract().path("id");
    }
}
