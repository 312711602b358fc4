package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EligibilityTest {

    @Test
    void theCallsRulesGiveAnOutcomeWithReadableReasons() {
        String call = Fixtures.openCall();

        Map<String, Object> tooLate = Fixtures.application(call, "Series B Giant");
        tooLate.put("stage", "SERIES_B_OR_LATER");
        String founder = Fixtures.applicant();
        Fixtures.submit(founder, Fixtures.draft(founder, tooLate)).statusCode(200)
                .body("eligibility.outcome", equalTo("INELIGIBLE"))
                .body("eligibility.reasons", hasItem(containsString("Stage SERIES_B_OR_LATER is not admitted")));

        Map<String, Object> closedModel = Fixtures.application(call, "Closed Model Co");
        closedModel.put("models", List.of(Map.of("name", "Phi-2", "usage", "Summaries")));
        String other = Fixtures.applicant();
        String id = Fixtures.draft(other, closedModel);
        Fixtures.submit(other, id).statusCode(200)
                .body("eligibility.outcome", equalTo("NEEDS_REVIEW"))
                .body("eligibility.reasons[0]", containsString("Phi-2"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ELIGIBLE", "reason", "Phi-2 is released under the MIT licence"))
                .when().post("/applications/{id}/eligibility", id)
                .then().statusCode(200)
                .body("eligibility.outcome", equalTo("ELIGIBLE"))
                .body("eligibility.overridden", equalTo(true))
                .body("eligibility.reasons[0]", containsString("MIT licence"));
        given().auth().oauth2(other).get("/applications/{id}", id).then()
                .body("eligibility.outcome", equalTo("ELIGIBLE"));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ELIGIBLE", "reason", "Trust me"))
                .when().post("/applications/{id}/eligibility", id)
                .then().statusCode(403);
        // Before submission there is no outcome to override.
        String drafting = Fixtures.applicant();
        String draft = Fixtures.draft(drafting, Fixtures.application(call, "Still Drafting " + UUID.randomUUID()));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ELIGIBLE", "reason", "Looks fine"))
                .when().post("/applications/{id}/eligibility", draft)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:invalid-transition")).body("detail", containsString("DRAFT"));
        given().auth().oauth2(drafting).get("/applications/{id}", draft).then().body("status", equalTo("DRAFT"))
                .body("eligibility", nullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "MAYBE", "reason", "?"))
                .when().post("/applications/{id}/eligibility", id)
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
    }

    @Test
    void editedRulesJudgeAgainTheApplicationsAwaitingADecisionButNotAnAdminsOverride() {
        Map<String, Object> callRequest = Fixtures.call("Rules edited " + UUID.randomUUID(), 30);
        String call = Fixtures.publishedCall(callRequest);
        Map<String, Object> seriesB = Fixtures.application(call, "Late Stage AI " + UUID.randomUUID());
        seriesB.put("stage", "SERIES_B_OR_LATER");
        String lateStageFounder = Fixtures.applicant();
        String lateStage = Fixtures.submitted(lateStageFounder, seriesB);
        String phi = submittedOnPhi2(call, "Phi Garden ");
        String phiOverridden = submittedOnPhi2(call, "Phi Orchard ");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "INELIGIBLE", "reason", "Its product is a thin wrapper over a closed API"))
                .post("/applications/{id}/eligibility", phiOverridden).then().statusCode(200);
        String drafting = Fixtures.applicant();
        String draft = Fixtures.draft(drafting, Fixtures.application(call, "Still Drafting " + UUID.randomUUID()));
        // The admins' queue of applications a human must check.
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("eligibility", "NEEDS_REVIEW")
                .get("/applications").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(phi));

        // The admin admits later stages and recognises Phi models: the applications already in follow the new rules.
        Map<String, Object> widened = withRules(callRequest, 1, List.of("Llama", "Mistral", "Phi"),
                List.of("PRE_SEED", "SEED", "SERIES_A", "SERIES_B_OR_LATER"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(widened)
                .put("/calls/{id}", call).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(lateStageFounder).get("/applications/{id}", lateStage).then()
                .body("status", equalTo("SUBMITTED"))
                .body("eligibility.outcome", equalTo("ELIGIBLE"))
                .body("eligibility.reasons", hasItem("Stage SERIES_B_OR_LATER is admitted"));
        given().auth().oauth2(lateStageFounder).get("/applications/{id}/history", lateStage).then()
                .body("[-1].to", equalTo("SUBMITTED"))
                .body("[-1].reason", equalTo("Eligibility judged again under the call's edited rules: INELIGIBLE → ELIGIBLE"));
        given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", phi).then()
                .body("eligibility.outcome", equalTo("ELIGIBLE")).body("eligibility.overridden", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", phiOverridden).then()
                .body("eligibility.outcome", equalTo("INELIGIBLE")).body("eligibility.overridden", equalTo(true))
                .body("eligibility.reasons[0]", containsString("thin wrapper"));
        given().auth().oauth2(drafting).get("/applications/{id}", draft).then()
                .body("status", equalTo("DRAFT")).body("eligibility", nullValue());
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("eligibility", "NEEDS_REVIEW")
                .get("/applications").then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("eligibility", "ELIGIBLE")
                .get("/applications").then().body("total", equalTo(2));

        // Once the late-stage startup is on the shortlist, rules that would make it ineligible are refused whole.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("decision", "SHORTLISTED", "reason", "Strong team"))
                .put("/applications/{id}/decision", lateStage).then().statusCode(200);
        Map<String, Object> narrowed = withRules(callRequest, 2, List.of("Llama", "Mistral"), List.of("PRE_SEED", "SEED", "SERIES_A"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(narrowed)
                .put("/calls/{id}", call).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:shortlisted"))
                .body("applicationIds", equalTo(List.of(lateStage)));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}", call).then()
                .body("version", equalTo(2)).body("eligibility.openModels", hasItem("Phi"));
        given().auth().oauth2(TestTokens.admin()).get("/applications/{id}", phi).then()
                .body("eligibility.outcome", equalTo("ELIGIBLE"));
    }

    private static String submittedOnPhi2(String call, String company) {
        Map<String, Object> application = Fixtures.application(call, company + UUID.randomUUID());
        application.put("models", List.of(Map.of("name", "Phi-2", "usage", "On-device summaries")));
        String founder = Fixtures.applicant();
        String id = Fixtures.draft(founder, application);
        Fixtures.submit(founder, id).statusCode(200).body("eligibility.outcome", equalTo("NEEDS_REVIEW"));
        return id;
    }

    private static Map<String, Object> withRules(Map<String, Object> callRequest, int version, List<String> openModels, List<String> stages) {
        Map<String, Object> edited = new HashMap<>(callRequest);
        edited.put("version", version);
        edited.put("eligibility", Map.of("requireOpenModel", true, "openModels", openModels, "stages", stages));
        return edited;
    }
}
