package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;
import org.stationf.aiprogram.testing.OpenApiExamples;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
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
}
