package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CallStatisticsTest {

    @Test
    void anAdminSeesWhereACallStandsCountedOverTheApplicationsInTheRunning() {
        String call = Fixtures.openCall();
        String account = "reviewer-" + UUID.randomUUID();
        String diligent = ReviewTest.registerReviewerWithAccount(account, null);
        ReviewTest.committee(call, diligent, ReviewTest.registerReviewer("second", null), ReviewTest.registerReviewer("third", null));
        Fixtures.submitted(Fixtures.applicant(), startup(call, "Agrillama", "FR", "SEED", "Llama 2 13B"));
        Fixtures.submitted(Fixtures.applicant(), startup(call, "Mistral Garden", "FR", "SEED", "Llama 2 13B"));
        Fixtures.submitted(Fixtures.applicant(), startup(call, "Berlin Bloom", "DE", "PRE_SEED", " mistral 7B", "LLAMA 2 13B"));
        Fixtures.submitted(Fixtures.applicant(), startup(call, "Idea Stage", "IT", "IDEA", "Llama 2 13B"));
        Fixtures.draft(Fixtures.applicant(), startup(call, "Still Drafting", "ES", "SEED", "Falcon 40B"));
        String leaving = Fixtures.applicant();
        String withdrawn = Fixtures.submitted(leaving, startup(call, "Changed Its Mind", "NL", "SERIES_A", "Gemma 7B"));
        given().auth().oauth2(leaving).contentType(ContentType.JSON).body(Map.of("reason", "Joined another program"))
                .post("/applications/{id}/withdraw", withdrawn).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
        String review = given().auth().oauth2(TestTokens.reviewer(account)).get("/reviews").then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reviewer(account)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(ReviewTest.score("openModels", 4), ReviewTest.score("team", 3), ReviewTest.score("market", 4))))
                .put("/reviews/{id}/scores", review).then().statusCode(200);

        JsonPath statistics = given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/statistics", call).then().statusCode(200)
                .body("callId", equalTo(call))
                .body("applications", equalTo(6))
                .extract().jsonPath();

        assertThat(statistics.getMap("byStatus")).containsEntry("DRAFT", 1).containsEntry("SUBMITTED", 4).containsEntry("WITHDRAWN", 1)
                .containsEntry("SHORTLISTED", 0).containsEntry("NOT_SELECTED", 0).hasSize(11);
        assertThat(statistics.getMap("byEligibility")).containsExactlyInAnyOrderEntriesOf(Map.of("ELIGIBLE", 3, "INELIGIBLE", 1, "NEEDS_REVIEW", 0));
        assertThat(new java.util.ArrayList<>(statistics.<String, Integer>getMap("byCountry").entrySet()))
                .as("most represented first, then alphabetical").containsExactly(Map.entry("FR", 2), Map.entry("DE", 1), Map.entry("IT", 1));
        assertThat(statistics.getMap("byStage")).containsEntry("SEED", 2).containsEntry("PRE_SEED", 1).containsEntry("IDEA", 1)
                .containsEntry("SERIES_A", 0);
        assertThat(new java.util.ArrayList<>(statistics.<String, Integer>getMap("byModel").entrySet()))
                .containsExactly(Map.entry("llama 2 13b", 4), Map.entry("mistral 7b", 1));
        assertThat(statistics.getMap("reviews")).containsExactlyInAnyOrderEntriesOf(Map.of("assigned", 9, "complete", 1));
        assertThat(statistics.getList("reviewers.assigned", Integer.class)).containsExactly(3, 3, 3);
        assertThat(statistics.getList("reviewers.complete", Integer.class)).as("those with most still to score first").containsExactly(0, 0, 1);
        assertThat(statistics.getString("reviewers[2].reviewerId")).isEqualTo(diligent);

        given().auth().oauth2(TestTokens.reviewer(account)).get("/calls/{id}/statistics", call).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/statistics", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> startup(String call, String company, String country, String stage, String... models) {
        Map<String, Object> application = Fixtures.application(call, company + " " + UUID.randomUUID());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) application.get("company"));
        details.put("country", country);
        application.put("company", details);
        application.put("stage", stage);
        application.put("models", java.util.Arrays.stream(models).map(name -> Map.of("name", name, "usage", "In the product")).toList());
        return application;
    }
}
