package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Steps of the program the fault and fuzzing tests stand on, through the gateway. */
final class Program {

    record Applicant(String token, String applicationId) {
    }

    private Program() {
    }

    /** An open call with the 2023 edition's rules and a one-criterion rubric. */
    static String openCall(String admin) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Paris")).withNano(0);
        String call = Api.as(admin).contentType(ContentType.JSON).body("""
                        {"name": "Fault drill", "edition": "%s", "description": "A call", "timeZone": "Europe/Paris",
                         "opensAt": "%s", "closesAt": "%s", "reviewClosesAt": "%s", "places": 5,
                         "partners": ["META", "HUGGING_FACE", "SCALEWAY"],
                         "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]}, "questions": [],
                         "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}"""
                        .formatted(UUID.randomUUID(), now.minusDays(1), now.plusDays(10), now.plusDays(20)))
                .post("/api/calls").then().statusCode(201).extract().path("id");
        Api.as(admin).post("/api/calls/{id}/publish", call).then().statusCode(200);
        return call;
    }

    /** n founders who sign up, apply and submit. */
    static List<Applicant> submitted(String call, int n) {
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = Api.founder("Drill Startup " + i);
            String id = Api.as(token).contentType(ContentType.JSON).body(draft(call, "Drill " + UUID.randomUUID()))
                    .post("/api/applications").then().statusCode(201).extract().path("id");
            Api.as(token).post("/api/applications/{id}/submit", id).then().statusCode(200);
            applicants.add(new Applicant(token, id));
        }
        return applicants;
    }

    static Map<String, Object> draft(String call, String company) {
        return Map.of("callId", call,
                "company", Map.of("name", company, "country", "FR"),
                "founders", List.of(Map.of("name", "Founder", "email", "founder@" + UUID.randomUUID() + ".example")),
                "stage", "SEED", "teamSize", 3, "product", "An open-model product",
                "models", List.of(Map.of("name", "Llama 2 7B", "usage", "RAG")));
    }

    static void shortlistAndPublish(String admin, String call, List<Applicant> applicants) {
        for (Applicant applicant : applicants) {
            Api.as(admin).contentType(ContentType.JSON).body(Map.of("decision", "SHORTLISTED", "reason", "Drill"))
                    .put("/api/applications/{id}/decision", applicant.applicationId()).then().statusCode(200);
        }
        Api.as(admin).post("/api/calls/{id}/decisions/publish", call).then().statusCode(200)
                .body("shortlisted", equalTo(applicants.size()));
    }

    /** A cohort of the call in SELECTING, with the three partners' package. */
    static String selectingCohort(String admin, String call) {
        LocalDate start = LocalDate.now().plusMonths(1);
        String cohort = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Drill cohort", "edition", "drill", "callId", call, "startDate", start.toString(), "endDate", start.plusMonths(5).toString()))
                .post("/api/cohorts").then().statusCode(201).extract().path("id");
        Api.as(admin).post("/api/cohorts/{id}/open-selection", cohort).then().statusCode(200);
        putPackage(admin, cohort, Map.of("name", "Drill package", "items", List.of(
                Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS", "description", "Mentoring", "amount", "20", "unit", "HOUR"),
                Map.of("key", "hf-access", "partner", "HUGGING_FACE", "kind", "PLATFORM_ACCESS", "description", "Hub", "amount", "10", "unit", "SEAT"),
                Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS", "description", "Credits", "amount", "30000", "unit", "EUR"))))
                .statusCode(200);
        return cohort;
    }

    /**
     * Sets a cohort's package as a script does right after creating the cohort: resources-service knows a cohort from its
     * CohortPlanned event, within a second or so, and answers 404 {@code cohort-unknown} until then, which is retried.
     */
    static ValidatableResponse putPackage(String admin, String cohort, Map<String, Object> resourcePackage) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            answer[0] = Api.as(admin).contentType(ContentType.JSON).body(resourcePackage).put("/api/resources/packages/{id}", cohort);
            return answer[0].statusCode() != 404 || !"urn:ai-startup-program:problem:cohort-unknown".equals(answer[0].path("type"));
        });
        return answer[0].then();
    }
}
