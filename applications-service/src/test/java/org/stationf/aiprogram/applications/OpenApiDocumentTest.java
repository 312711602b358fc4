package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;
import org.stationf.aiprogram.testing.OpenApiExamples;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own, and
 * the body Swagger UI prefills for an admin must work as it is.
 */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Test
    void theCallSwaggerUiPrefillsIsCreatedAsItIs() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(OpenApiExamples.requestBody("post", "/calls"))
                .when().post("/calls")
                .then().statusCode(201)
                .body("name", equalTo("AI Startup Program 2024"))
                .body("rubric.criteria.weight", equalTo(List.of(0.4f, 0.3f, 0.3f)));
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
