package org.stationf.aiprogram.applications;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.RepeatedTest;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Two people editing one draft at once: one wins, the other is told, nobody's edit vanishes silently. */
@QuarkusTest
class ConcurrentEditTest {

    @RepeatedTest(3)
    void twoConcurrentEditsOfOneDraftGiveOneSuccessAndOne409() throws Exception {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        String id = Fixtures.draft(founder, Fixtures.application(call, "Race Condition AI"));

        List<Callable<Integer>> edits = new ArrayList<>();
        for (String product : List.of("First co-founder's pitch", "Second co-founder's pitch")) {
            Map<String, Object> edit = new HashMap<>(Fixtures.application(call, "Race Condition AI"));
            edit.put("product", product);
            edit.put("version", 0);
            edits.add(() -> given().auth().oauth2(founder).contentType(ContentType.JSON).body(edit)
                    .put("/applications/{id}", id).then().extract().statusCode());
        }
        List<Integer> statuses = AllAtOnce.run(edits);

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        given().auth().oauth2(founder).get("/applications/{id}", id).then().statusCode(200).body("version", equalTo(1));
    }

    /** A founder double-clicks "start my application": one draft, and the second answer points at it. */
    @RepeatedTest(3)
    void aDraftStartedTwiceAtOnceIsOneDraftAndTheSecondAnswerPointsAtIt() throws Exception {
        String call = Fixtures.openCall();
        String founder = Fixtures.applicant();
        Map<String, Object> application = Fixtures.application(call, "Double Click AI");
        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(founder).contentType(ContentType.JSON).body(application).post("/applications"));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        String created = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow().jsonPath().getString("id");
        io.restassured.response.Response refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:duplicate-application");
        assertThat(refused.jsonPath().getString("existingApplicationId")).isEqualTo(created);
        given().auth().oauth2(founder).queryParam("callId", call).get("/applications").then().statusCode(200).body("total", equalTo(1));
    }

    /** Late-stage startups submit while the admin widens the call's rules to admit them: each is judged by the new rules. */
    @RepeatedTest(3)
    void applicationsSubmittedWhileTheRulesAreEditedAreJudgedByTheRulesTheEditLeaves() throws Exception {
        Map<String, Object> callRequest = Fixtures.call("Rules edited mid-submission " + UUID.randomUUID(), 30);
        String call = Fixtures.publishedCall(callRequest);
        Map<String, String> drafts = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> seriesB = Fixtures.application(call, "Growth AI " + UUID.randomUUID());
            seriesB.put("stage", "SERIES_B_OR_LATER");
            String founder = Fixtures.applicant();
            drafts.put(Fixtures.draft(founder, seriesB), founder);
        }
        Map<String, Object> widened = new HashMap<>(callRequest);
        widened.put("version", 1);
        widened.put("eligibility", Map.of("openModels", List.of("Llama"), "stages", List.of("SEED", "SERIES_A", "SERIES_B_OR_LATER")));

        List<Callable<Integer>> requests = new ArrayList<>();
        requests.add(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(widened)
                .put("/calls/{id}", call).then().extract().statusCode());
        drafts.forEach((id, founder) -> requests.add(() -> Fixtures.submit(founder, id).extract().statusCode()));
        assertThat(AllAtOnce.run(requests)).containsOnly(200);

        drafts.forEach((id, founder) -> given().auth().oauth2(founder).get("/applications/{id}", id).then()
                .body("status", equalTo("SUBMITTED")).body("eligibility.outcome", equalTo("ELIGIBLE")));
    }

    /** The admin closes the call while startups press submit: each lands before the closing instant or is refused. */
    @RepeatedTest(3)
    void aCallClosedWhileStartupsSubmitTakesNoSubmissionAfterItsClosingInstant() throws Exception {
        String call = Fixtures.openCall();
        Map<String, String> drafts = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            String founder = Fixtures.applicant();
            drafts.put(Fixtures.draft(founder, Fixtures.application(call, "Last Minute AI " + UUID.randomUUID())), founder);
        }
        List<Callable<Response>> requests = new ArrayList<>();
        requests.add(() -> given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/close", call));
        drafts.forEach((id, founder) -> requests.add(() -> given().auth().oauth2(founder).post("/applications/{id}/submit", id)));
        List<Response> answers = AllAtOnce.run(requests);

        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        Instant closedAt = OffsetDateTime.parse(answers.get(0).jsonPath().getString("closesAt")).toInstant();
        for (Response submission : answers.subList(1, answers.size())) {
            if (submission.statusCode() == 200) {
                assertThat(Instant.parse(submission.jsonPath().getString("submittedAt"))).isBeforeOrEqualTo(closedAt);
            } else {
                assertThat(submission.statusCode()).isEqualTo(409);
                assertThat(submission.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:deadline-passed");
            }
        }
    }
}
