package org.stationf.aiprogram.applications;

import org.stationf.aiprogram.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ApplicationLifecycleTest {

    private static final String PROBLEM = "application/problem+json";

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void aStartupDraftsEditsAndSubmitsAndTheSubmissionIsPublished() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        Map<String, Object> application = Fixtures.application(call, "Mistral Garden SAS");
        application.remove("product");
        String id = Fixtures.create(founder, application).statusCode(201)
                .header("Location", containsString("/applications/"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .extract().path("id");

        application.put("product", "An agronomy assistant built on Llama 2");
        application.put("version", 0);
        given().auth().oauth2(founder).contentType(ContentType.JSON).body(application)
                .when().put("/applications/{id}", id)
                .then().statusCode(200).body("product", equalTo("An agronomy assistant built on Llama 2")).body("version", equalTo(1));

        Fixtures.submit(founder, id).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedAt", notNullValue())
                .body("eligibility.outcome", equalTo("ELIGIBLE"))
                .body("eligibility.reasons", hasItem(containsString("Llama 2 13B")));

        List<JsonNode> events = KafkaTopics.cloudEvents("program.applications", "ApplicationSubmitted", id, 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("source").asText()).isEqualTo("/applications-service");
        assertThat(events.get(0).path("data").path("callId").asText()).isEqualTo(call);
        assertThat(events.get(0).path("data").path("companyName").asText()).isEqualTo("Mistral Garden SAS");

        given().auth().oauth2(founder).when().get("/applications/{id}/history", id)
                .then().statusCode(200)
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED")))
                .body("actor[0]", containsString("applicant:"));
    }

    @Test
    void submissionOneSecondAfterTheDeadlineIsRefusedAndTheDraftIsKept() {
        Map<String, Object> callRequest = Fixtures.call("Deadline " + UUID.randomUUID(), 2);
        LocalDateTime closesAt = LocalDateTime.parse((String) callRequest.get("closesAt"));
        String call = Fixtures.publishedCall(callRequest);
        String founder = Fixtures.applicant();
        String id = Fixtures.draft(founder, Fixtures.application(call, "Late Labs"));

        TestClock.CLOCK.setTo(closesAt.plusSeconds(1).atZone(Fixtures.PARIS).toInstant());

        String deadline = closesAt.atZone(Fixtures.PARIS).toOffsetDateTime().toString();
        Fixtures.submit(founder, id).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:deadline-passed"))
                .body("deadline", equalTo(deadline))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("detail", containsString(deadline));
        given().auth().oauth2(founder).when().get("/applications/{id}", id)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("company.name", equalTo("Late Labs"))
                .body("answers.openModelUse", containsString("Llama 2"))
                .body("version", equalTo(0));

        TestClock.CLOCK.setTo(closesAt.atZone(Fixtures.PARIS).toInstant());
        Fixtures.submit(founder, id).statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anIncompleteApplicationListsWhatIsMissing() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.draft(founder, Map.of("callId", call, "company", Map.of("name", "Half Done")));
        Fixtures.submit(founder, id).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:incomplete-application"))
                .body("errors.field", hasItems("company.country", "founders", "stage", "teamSize", "models", "product", "answers.openModelUse"));
        given().auth().oauth2(founder).get("/applications/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void oneApplicationPerStartupPerCall() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        Fixtures.submitted(founder, Fixtures.application(call, "Hugging Bees SAS"));

        Fixtures.create(founder, Fixtures.application(call, "Hugging Bees SAS")).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:duplicate-application"))
                .body("existingApplicationId", notNullValue());

        // Another account, same company registration number, spelt differently.
        Map<String, Object> sameRegistration = Fixtures.application(call, "Hugging Bees");
        ((Map<String, Object>) sameRegistration.get("company")).put("registrationNumber",
                ((Map<?, ?>) Fixtures.application(call, "Hugging Bees SAS").get("company")).get("registrationNumber").toString().replace(" ", "").toLowerCase());
        String other = Fixtures.applicant();
        String second = Fixtures.draft(other, sameRegistration);
        Fixtures.submit(other, second).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:duplicate-application"))
                .body("detail", containsString("registration number"));

        // A third account: same name once normalized, and a founder in common.
        Map<String, Object> sameNameAndFounder = Fixtures.application(call, "HUGGING   BEES, S.A.S.");
        ((Map<String, Object>) sameNameAndFounder.get("company")).put("registrationNumber", "OTHER-1");
        sameNameAndFounder.put("founders", List.of(Map.of("name", "Camille Durand", "email", "CAMILLE@hugging-bees-sas.example")));
        String third = Fixtures.applicant();
        String thirdId = Fixtures.draft(third, sameNameAndFounder);
        Fixtures.submit(third, thirdId).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("same company name and a founder in common"));
        given().auth().oauth2(third).get("/applications/{id}", thirdId).then().body("status", equalTo("DRAFT"));

        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).when().get("/applications/duplicates")
                .then().statusCode(200)
                .body("reasons.flatten()", hasItem(containsString("same normalized company name 'hugging bees'")));
    }

    @Test
    void aStartupWithdrawsWithAReasonKeptInTheHistory() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.submitted(founder, Fixtures.application(call, "Withdrawn Robotics"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body(Map.of("reason", "We joined another accelerator"))
                .when().post("/applications/{id}/withdraw", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.admin()).when().get("/applications/{id}/history", id)
                .then().statusCode(200)
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "WITHDRAWN")))
                .body("[2].from", equalTo("SUBMITTED"))
                .body("[2].reason", equalTo("We joined another accelerator"));
        given().auth().oauth2(founder).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/applications/{id}/withdraw", id)
                .then().statusCode(409).contentType(PROBLEM);
        assertThat(KafkaTopics.cloudEvents("program.applications", "ApplicationWithdrawn", id, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void anApplicantSeesOnlyItsOwnApplications() {
        String call = Fixtures.openCall();
        String owner = Fixtures.applicant();
        String id = Fixtures.draft(owner, Fixtures.application(call, "Private Startup"));
        String stranger = Fixtures.applicant();
        given().auth().oauth2(stranger).when().get("/applications/{id}", id)
                .then().statusCode(404).contentType(PROBLEM).body("instance", equalTo("/applications/" + id));
        given().auth().oauth2(stranger).when().get("/applications/{id}/history", id).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("reason", "mine now"))
                .when().post("/applications/{id}/withdraw", id).then().statusCode(404);
        given().auth().oauth2(stranger).queryParam("callId", call).when().get("/applications")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().auth().oauth2(owner).queryParam("callId", call).when().get("/applications")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].decision", nullValue());
    }

    @Test
    void adminsFilterSortAndPageWithTotals() {
        String call = Fixtures.openCall();
        for (String company : List.of("Alpha AI", "Bravo AI", "Charlie AI")) {
            Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, company));
        }
        Map<String, Object> german = Fixtures.application(call, "Delta KI GmbH");
        ((Map<String, Object>) german.get("company")).put("country", "DE");
        german.put("models", List.of(Map.of("name", "Mistral 7B", "usage", "RAG")));
        german.put("stage", "PRE_SEED");
        Fixtures.submitted(Fixtures.applicant(), german);
        Fixtures.draft(Fixtures.applicant(), Fixtures.application(call, "Echo AI"));

        given().auth().oauth2(TestTokens.admin())
                .queryParam("callId", call).queryParam("status", "SUBMITTED").queryParam("sort", "companyName")
                .queryParam("page", 0).queryParam("size", 2)
                .when().get("/applications")
                .then().statusCode(200)
                .body("total", equalTo(4)).body("size", equalTo(2))
                .body("items.company.name", equalTo(List.of("Alpha AI", "Bravo AI")));
        given().auth().oauth2(TestTokens.admin())
                .queryParam("callId", call).queryParam("status", "SUBMITTED").queryParam("sort", "companyName").queryParam("page", 1).queryParam("size", 2)
                .when().get("/applications")
                .then().body("items.company.name", equalTo(List.of("Charlie AI", "Delta KI GmbH")));
        given().auth().oauth2(TestTokens.admin())
                .queryParam("callId", call).queryParam("country", "DE").queryParam("model", "mistral").queryParam("stage", "PRE_SEED")
                .when().get("/applications")
                .then().body("total", equalTo(1)).body("items[0].company.name", equalTo("Delta KI GmbH"));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("company", "ki gmb")
                .when().get("/applications")
                .then().body("total", equalTo(1)).body("items[0].company.name", equalTo("Delta KI GmbH"));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("company", " ai").queryParam("sort", "companyName")
                .when().get("/applications")
                .then().body("items.company.name", equalTo(List.of("Alpha AI", "Bravo AI", "Charlie AI", "Echo AI")));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("company", "%")
                .when().get("/applications")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.admin())
                .queryParam("callId", call).queryParam("sort", "-companyName")
                .when().get("/applications")
                .then().body("items[0].company.name", equalTo("Echo AI")).body("total", equalTo(5));

        given().auth().oauth2(TestTokens.admin()).queryParam("status", "PENDING").when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.admin()).queryParam("eligibility", "MAYBE").when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("eligibility"));
        given().auth().oauth2(TestTokens.admin()).queryParam("country", "France").when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("country"));
        given().auth().oauth2(TestTokens.admin()).queryParam("country", "fr").when().get("/applications")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("sort", "password").when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("sort"));
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 1000).when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", "not-a-uuid").when().get("/applications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("callId"));
    }

    @Test
    void badApplicationsAreRefusedNamingTheFieldAndChangeNothing() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        Map<String, Object> wrong = Fixtures.application(call, "Typo Inc");
        wrong.put("stage", "UNICORN");
        Fixtures.create(founder, wrong).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("stage"));
        Map<String, Object> badEmail = Fixtures.application(call, "Typo Inc");
        badEmail.put("founders", List.of(Map.of("name", "X", "email", "not-an-email")));
        Fixtures.create(founder, badEmail).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("founders[0].email"));
        Map<String, Object> unknownQuestion = Fixtures.application(call, "Typo Inc");
        unknownQuestion.put("answers", Map.of("favouriteColour", "blue"));
        Fixtures.create(founder, unknownQuestion).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("answers.favouriteColour"));
        Map<String, Object> tooLong = Fixtures.application(call, "Typo Inc");
        tooLong.put("answers", Map.of("openModelUse", "x".repeat(2001)));
        Fixtures.create(founder, tooLong).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("answers.openModelUse"));
        Map<String, Object> teamAsText = Fixtures.application(call, "Typo Inc");
        teamAsText.put("teamSize", "four");
        Fixtures.create(founder, teamAsText).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("teamSize"));
        Fixtures.create(founder, Map.of("company", Map.of("name", "No call"))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("callId"));
        Fixtures.create(founder, Fixtures.application(UUID.randomUUID().toString(), "Nowhere")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("callId"));

        given().auth().oauth2(founder).queryParam("callId", call).get("/applications").then().body("total", equalTo(0));
    }
}
