package org.stationf.aiprogram.applications;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;
import org.stationf.aiprogram.testing.OpenApiExamples;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own, and
 * the body Swagger UI prefills for an admin must work as it is.
 */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCallSwaggerUiPrefillsIsCreatedAsItIs() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(OpenApiExamples.requestBody("post", "/calls"))
                .when().post("/calls")
                .then().statusCode(201)
                .body("name", equalTo("AI Startup Program 2024"))
                .body("rubric.criteria.weight", equalTo(List.of(0.4f, 0.3f, 0.3f)));
    }

    /**
     * An admin trying the API from Swagger UI creates the prefilled call and applies with the prefilled application:
     * the two examples tell one story, so that application is eligible for that call. Only the dates change: the
     * example's call closed on 1 December 2023.
     */
    @Test
    void theApplicationSwaggerUiPrefillsIsEligibleForTheCallItPrefills() throws Exception {
        Map<String, Object> call = JSON.readValue(OpenApiExamples.requestBody("post", "/calls"), new TypeReference<>() { });
        Map<String, Object> openNow = Fixtures.call("unused", 30);
        for (String time : List.of("opensAt", "closesAt", "reviewClosesAt")) {
            call.put(time, openNow.get(time));
        }
        String callId = Fixtures.publishedCall(call);
        Map<String, Object> application = JSON.readValue(OpenApiExamples.requestBody("post", "/applications"), new TypeReference<>() { });
        application.put("callId", callId);
        String applicant = Fixtures.applicant();

        Fixtures.submit(applicant, Fixtures.draft(applicant, application))
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("eligibility.outcome", equalTo("ELIGIBLE"));
    }

    /**
     * A client generated from "date-time" sends an offset (a browser's toISOString() ends in Z), which a call's local
     * times refuse: the document has to say they are local ones.
     */
    @Test
    void aCallsTimesAreDocumentedAsTheLocalDateTimesTheyAreSentAs() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String request : List.of("CallRequest", "CallCopyRequest")) {
            for (String time : List.of("opensAt", "closesAt", "reviewClosesAt")) {
                assertThat(document.getString("components.schemas." + request + ".properties." + time + ".format"))
                        .as(request + "." + time).isEqualTo("date-time-local");
            }
        }
        assertThat(document.getString("components.schemas.Call.properties.closesAt.examples[0]")).isEqualTo("2023-12-01T23:59:59+01:00");
    }
}
