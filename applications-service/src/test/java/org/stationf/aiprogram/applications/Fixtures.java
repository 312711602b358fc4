package org.stationf.aiprogram.applications;

import org.stationf.aiprogram.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a program admin and startups would send them. */
public final class Fixtures {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Fixtures() {
    }

    /** A call like the 2023 edition, opening a day ago and closing in the given number of days (Paris time, by the test clock). */
    public static Map<String, Object> call(String name, int closesInDays) {
        LocalDateTime now = LocalDateTime.ofInstant(TestClock.CLOCK.instant(), PARIS).withNano(0);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("name", name);
        call.put("edition", "2024");
        call.put("description", "Meta, Hugging Face and Scaleway support five startups building on open foundation models.");
        call.put("timeZone", "Europe/Paris");
        call.put("opensAt", now.minusDays(1).toString());
        call.put("closesAt", now.plusDays(closesInDays).toString());
        call.put("reviewClosesAt", now.plusDays(closesInDays + 14).toString());
        call.put("places", 5);
        call.put("reviewersPerApplication", 3);
        call.put("partners", List.of("META", "HUGGING_FACE", "SCALEWAY"));
        call.put("eligibility", Map.of(
                "requireOpenModel", true,
                "openModels", List.of("Llama", "Mistral", "Mixtral", "Falcon", "BLOOM", "Gemma"),
                "stages", List.of("PRE_SEED", "SEED", "SERIES_A"),
                "countries", List.of(),
                "notes", List.of("Incorporated company")));
        call.put("questions", List.of(
                Map.of("key", "openModelUse", "label", "How does your product build on open foundation models?", "required", true, "maxLength", 2000),
                Map.of("key", "traction", "label", "Traction so far", "required", false, "maxLength", 1000)));
        call.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(
                Map.of("key", "openModels", "label", "Substantive use of open models", "weight", 0.4),
                Map.of("key", "team", "label", "Team", "weight", 0.3),
                Map.of("key", "market", "label", "Market", "weight", 0.3))));
        return call;
    }

    /** Creates and publishes a call; returns its id. */
    public static String publishedCall(Map<String, Object> call) {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(call)
                .post("/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/publish", id).then().statusCode(200);
        return id;
    }

    public static String openCall() {
        return publishedCall(call("Open call " + UUID.randomUUID(), 30));
    }

    /** A complete, eligible application of a startup. */
    public static Map<String, Object> application(String callId, String company) {
        String slug = company.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("callId", callId);
        application.put("company", new LinkedHashMap<>(Map.of("name", company, "registrationNumber", "FR " + Math.abs(company.hashCode()),
                "country", "FR", "website", "https://" + slug + ".example")));
        application.put("founders", new ArrayList<>(List.of(Map.of("name", "Camille Durand", "email", "camille@" + slug + ".example", "role", "CEO"))));
        application.put("stage", "SEED");
        application.put("teamSize", 4);
        application.put("models", List.of(Map.of("name", "Llama 2 13B", "usage", "Fine-tuned on our domain data")));
        application.put("product", "An assistant built on an open foundation model");
        application.put("answers", new LinkedHashMap<>(Map.of("openModelUse", "We fine-tune Llama 2 with LoRA and serve it on Scaleway GPUs")));
        return application;
    }

    public static ValidatableResponse create(String applicant, Map<String, Object> application) {
        return given().auth().oauth2(applicant).contentType(ContentType.JSON).body(application).post("/applications").then();
    }

    public static String draft(String applicant, Map<String, Object> application) {
        return create(applicant, application).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse submit(String applicant, String applicationId) {
        return given().auth().oauth2(applicant).post("/applications/{id}/submit", applicationId).then();
    }

    /** Drafts and submits; returns the application id. */
    public static String submitted(String applicant, Map<String, Object> application) {
        String id = draft(applicant, application);
        submit(applicant, id).statusCode(200);
        return id;
    }

    public static String applicant() {
        return TestTokens.applicant("startup-" + UUID.randomUUID());
    }
}
