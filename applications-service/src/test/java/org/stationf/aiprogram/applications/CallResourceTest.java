package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CallResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminCreatesADraftCallShownInItsTimeZoneAndPublishesIt() {
        Map<String, Object> call = Fixtures.call("AI Startup Program 2024", 30);
        call.put("opensAt", "2023-10-02T09:00:00");
        call.put("closesAt", "2023-12-01T23:59:59");
        call.put("reviewClosesAt", "2023-12-15T18:00:00");
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().post("/calls")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("closesAt", equalTo("2023-12-01T23:59:59+01:00"))
                .body("opensAt", equalTo("2023-10-02T09:00:00+02:00"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("rubric.criteria.key", equalTo(List.of("openModels", "team", "market")))
                .extract().path("id");

        given().auth().oauth2(Fixtures.applicant()).when().get("/calls/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(TestTokens.admin()).when().post("/calls/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("acceptingApplications", equalTo(false));

        given().auth().oauth2(Fixtures.applicant()).when().get("/calls/{id}", id)
                .then().statusCode(200).body("name", equalTo("AI Startup Program 2024"));
        given().auth().oauth2(TestTokens.admin()).when().post("/calls/{id}/publish", id)
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void applicantsListTheCallsOpenNow() {
        String open = Fixtures.openCall();
        Map<String, Object> past = Fixtures.call("Past call " + UUID.randomUUID(), 30);
        past.put("opensAt", "2022-10-01T00:00:00");
        past.put("closesAt", "2022-12-01T23:59:59");
        past.put("reviewClosesAt", "2022-12-15T23:59:59");
        String closed = Fixtures.publishedCall(past);

        given().auth().oauth2(Fixtures.applicant()).queryParam("open", true).when().get("/calls")
                .then().statusCode(200)
                .body("id", hasItem(open))
                .body("id", not(hasItem(closed)))
                .body("find { it.id == '" + open + "' }.acceptingApplications", equalTo(true));
        given().auth().oauth2(Fixtures.applicant()).when().get("/calls")
                .then().statusCode(200).body("id", hasItems(open, closed));
        given().auth().oauth2(Fixtures.applicant()).queryParam("open", "yes").when().get("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("open"))
                .body("detail", equalTo("open: must be true or false, was \"yes\""));
    }

    @Test
    void closingACallEndsSubmissionsAtOnceAndKeepsTheDrafts() {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String draft = Fixtures.draft(founder, Fixtures.application(call, "Closed Out " + UUID.randomUUID()));

        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/close", call).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("acceptingApplications", equalTo(false));
        Fixtures.submit(founder, draft).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:deadline-passed"));
        given().auth().oauth2(founder).get("/applications/{id}", draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(Fixtures.applicant()).queryParam("open", true).get("/calls").then().body("id", not(hasItem(call)));

        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/close", call).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:invalid-transition"));
        given().auth().oauth2(founder).post("/calls/{id}/close", call).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void rubricWeightsMustSumToOne() {
        Map<String, Object> call = Fixtures.call("Bad rubric", 30);
        call.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(
                Map.of("key", "a", "label", "A", "weight", 0.5),
                Map.of("key", "b", "label", "B", "weight", 0.4))));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("rubric.criteria"))
                .body("detail", containsString("sum to 0.9"));
    }

    @Test
    void everyInvalidFieldOfACallIsNamedInOneAnswer() {
        Map<String, Object> call = Fixtures.call("Three mistakes", 30);
        call.put("closesAt", "2020-01-01T00:00:00");
        call.put("reviewClosesAt", "2019-12-31T00:00:00");
        call.put("questions", List.of(
                Map.of("key", "q", "label", "Q", "required", true, "maxLength", 10),
                Map.of("key", "q", "label", "Q again", "required", true, "maxLength", 10)));
        call.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(Map.of("key", "a", "label", "A", "weight", 0.5))));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("rubric.criteria", "questions[1]", "closesAt", "reviewClosesAt"))
                .body("detail", equalTo("rubric.criteria: weights must sum to 1; they sum to 0.5; questions[1]: duplicates q; "
                        + "closesAt: must be after opensAt; reviewClosesAt: must not be before closesAt"));
        given().auth().oauth2(TestTokens.admin()).when().get("/calls")
                .then().statusCode(200).body("name", not(hasItem("Three mistakes")));
    }

    @Test
    void aCallLeavingOutTheOpenModelRuleStillRequiresAnOpenModel() {
        Map<String, Object> call = Fixtures.call("Rules left out", 30);
        call.put("eligibility", Map.of("stages", List.of("SEED")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().post("/calls")
                .then().statusCode(201).body("eligibility.requireOpenModel", equalTo(true));
        Map<String, Object> optOut = Fixtures.call("Open model not required", 30);
        optOut.put("eligibility", Map.of("requireOpenModel", false));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(optOut)
                .when().post("/calls")
                .then().statusCode(201).body("eligibility.requireOpenModel", equalTo(false));
    }

    /** As iCalendar (RFC 5545) reads them; the answer's offset shows which instant was taken. */
    @Test
    void aTimeTheClocksSkipIsReadAnHourLaterAndOneTheyRepeatAsItsFirstOccurrence() {
        Map<String, Object> springForward = Fixtures.call("Closing when Paris springs forward", 30);
        springForward.put("closesAt", "2030-03-31T02:30:00");
        springForward.put("reviewClosesAt", "2030-10-27T02:30:00");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(springForward)
                .when().post("/calls")
                .then().statusCode(201)
                .body("closesAt", equalTo("2030-03-31T03:30:00+02:00"))
                .body("reviewClosesAt", equalTo("2030-10-27T02:30:00+02:00"));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotConverted() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("places", new Object[]{5.7, "places", "must be an integer, was \"5.7\""});
        cases.put("name", new Object[]{12, "name", "must be a string, was \"12\""});
        cases.put("description", new Object[]{true, "description", "must be a string, was \"true\""});
        cases.put("eligibility", new Object[]{Map.of("requireOpenModel", 1), "eligibility.requireOpenModel", "must be true or false, was \"1\""});
        cases.put("reviewersPerApplication", new Object[]{2.5, "reviewersPerApplication", "must be an integer, was \"2.5\""});
        cases.put("opensAt", new Object[]{List.of(2023, 10, 1, 0, 0), "opensAt", "must be an ISO-8601 local date-time such as 2023-12-01T23:59:59"});
        cases.put("timeZone", new Object[]{1, "timeZone", "must be a time zone id such as Europe/Paris"});
        for (Map.Entry<String, Object[]> wrong : cases.entrySet()) {
            Map<String, Object> call = Fixtures.call("Wrong type of " + wrong.getKey(), 30);
            call.put(wrong.getKey(), wrong.getValue()[0]);
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                    .when().post("/calls")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains(wrong.getValue()[1]))
                    .body("errors.message", contains(wrong.getValue()[2]));
        }
        Map<String, Object> numberedStage = Fixtures.call("Wrong type of stage", 30);
        numberedStage.put("eligibility", Map.of("requireOpenModel", true, "stages", List.of(2)));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(numberedStage)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("eligibility.stages[0]"))
                .body("errors.message[0]", containsString("[IDEA, PRE_SEED, SEED, SERIES_A, SERIES_B_OR_LATER]"));
        given().auth().oauth2(TestTokens.admin()).when().get("/calls")
                .then().statusCode(200).body("name.findAll { it.startsWith('Wrong type of') }", empty());
    }

    @Test
    void badCallsAreRefusedNamingTheField() {
        Map<String, Object> call = Fixtures.call("Bad zone", 30);
        call.put("timeZone", "Mars/Olympus_Mons");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("timeZone"));

        Map<String, Object> backwards = Fixtures.call("Backwards", 30);
        backwards.put("closesAt", "2020-01-01T00:00:00");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(backwards)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("closesAt"));

        Map<String, Object> badStage = Fixtures.call("Bad stage", 30);
        badStage.put("eligibility", Map.of("requireOpenModel", true, "stages", List.of("UNICORN")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(badStage)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("eligibility.stages[0]"))
                .body("errors.message[0]", containsString("SERIES_A"));

        Map<String, Object> badDate = Fixtures.call("Bad date", 30);
        badDate.put("opensAt", "next monday");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(badDate)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("opensAt"));

        // The instants are wall-clock times in the call's own zone: an offset, even Z, would be dropped or misread.
        Map<String, Object> utcDeadline = Fixtures.call("Deadline in UTC", 30);
        utcDeadline.put("closesAt", "2030-12-01T22:59:59.000Z");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(utcDeadline)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("closesAt"))
                .body("errors.message[0]", startsWith("must be an ISO-8601 local date-time such as 2023-12-01T23:59:59"));

        // PostgreSQL cannot store a NUL character: the field that holds one is named, wherever it is.
        Map<String, Object> nul = Fixtures.call("NUL\u0000in the name", 30);
        nul.put("questions", List.of(Map.of("key", "q", "label", "Why\u0000?", "required", true, "maxLength", 10)));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(nul)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("name"))
                .body("errors.message", contains("must not contain a NUL character (U+0000)"));
        nul.put("name", "No NUL in the name");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(nul)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("questions[0].label"));

        Map<String, Object> duplicateQuestion = Fixtures.call("Same question twice", 30);
        duplicateQuestion.put("questions", List.of(
                Map.of("key", "q", "label", "Q", "required", true, "maxLength", 10),
                Map.of("key", "q", "label", "Q again", "required", true, "maxLength", 10)));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(duplicateQuestion)
                .when().post("/calls")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("questions[1]"));

        given().auth().oauth2(Fixtures.applicant()).contentType(ContentType.JSON).body(Fixtures.call("Not an admin", 30))
                .when().post("/calls")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCallIsCopiedIntoTheNextEdition() {
        String id = Fixtures.openCall();
        String copy = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "AI Startup Program 2025", "edition", "2025",
                        "opensAt", "2024-10-01T09:00:00", "closesAt", "2024-12-01T23:59:59", "reviewClosesAt", "2024-12-15T18:00:00"))
                .when().post("/calls/{id}/copy", id)
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("edition", equalTo("2025"))
                .body("closesAt", equalTo("2024-12-01T23:59:59+01:00"))
                .body("rubric.criteria.key", equalTo(List.of("openModels", "team", "market")))
                .body("questions.key", equalTo(List.of("openModelUse", "traction")))
                .extract().path("id");
        given().auth().oauth2(TestTokens.admin()).when().get("/calls/{id}", copy).then().statusCode(200)
                .body("partners", equalTo(List.of("META", "HUGGING_FACE", "SCALEWAY")));
    }

    @Test
    void aDraftMadeByMistakeIsDiscardedWithItsCommitteeWhileAPublishedCallStays() {
        String source = Fixtures.openCall();
        Map<String, Object> nextEdition = Map.of("name", "AI Startup Program 2025", "edition", "2025",
                "opensAt", "2024-10-01T09:00:00", "closesAt", "2024-12-01T23:59:59", "reviewClosesAt", "2024-12-15T18:00:00");
        String kept = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(nextEdition)
                .post("/calls/{id}/copy", source).then().statusCode(201).extract().path("id");
        String mistake = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(nextEdition)
                .post("/calls/{id}/copy", source).then().statusCode(201).extract().path("id");
        String reviewer = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("accountId", "reviewer-" + UUID.randomUUID(), "name", "Ada Reviewer", "email", "ada@reviewers.example", "organization", "META"))
                .post("/reviewers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reviewerIds", List.of(reviewer)))
                .put("/calls/{id}/reviewers", mistake).then().statusCode(200);

        given().auth().oauth2(Fixtures.applicant()).delete("/calls/{id}", mistake).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).delete("/calls/{id}", source).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:call-not-draft")).body("currentStatus", equalTo("PUBLISHED"));
        given().auth().oauth2(TestTokens.admin()).delete("/calls/{id}", mistake).then().statusCode(204);

        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}", mistake).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).delete("/calls/{id}", mistake).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/calls").then().statusCode(200)
                .body("id", hasItems(source, kept)).body("id", not(hasItem(mistake)));
        given().auth().oauth2(TestTokens.admin()).get("/reviewers/{id}", reviewer).then().statusCode(200);
    }

    /** Discarding a draft while another admin sets its committee: one of the two wins whole, the other gets a clear 4xx. */
    @Test
    void discardingADraftWhileItsCommitteeIsSetLetsOneSideWin() throws Exception {
        String reviewer = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("accountId", "reviewer-" + UUID.randomUUID(), "name", "Ada Reviewer", "email", "ada@reviewers.example", "organization", "META"))
                .post("/reviewers").then().statusCode(201).extract().path("id");
        for (int round = 0; round < 6; round++) {
            String draft = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Fixtures.call("Draft " + round, 30))
                    .post("/calls").then().statusCode(201).extract().path("id");

            List<Response> answers = AllAtOnce.run(List.<Callable<Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).delete("/calls/{id}", draft),
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reviewerIds", List.of(reviewer)))
                            .put("/calls/{id}/reviewers", draft)));

            assertThat(answers.get(0).statusCode()).as("the discard").isEqualTo(204);
            assertThat(answers.get(1).statusCode()).as("the committee").isIn(200, 404);
            given().auth().oauth2(TestTokens.admin()).get("/calls/{id}", draft).then().statusCode(404);
        }
    }

    @Test
    void editingNeedsTheCurrentVersion() {
        Map<String, Object> call = Fixtures.call("Versioned", 30);
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .post("/calls").then().statusCode(201).extract().path("id");
        call.put("version", 0);
        call.put("places", 6);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().put("/calls/{id}", id)
                .then().statusCode(200).body("places", equalTo(6)).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .when().put("/calls/{id}", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:stale-version"))
                .body("currentVersion", equalTo(1));
    }
}
