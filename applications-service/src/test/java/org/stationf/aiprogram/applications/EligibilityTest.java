package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

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
}
