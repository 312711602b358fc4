package org.stationf.aiprogram.cohorts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;
import org.stationf.aiprogram.testing.OpenApiExamples;
import org.stationf.aiprogram.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own, and
 * the body Swagger UI prefills for an admin must work as it is.
 */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Test
    void theCohortSwaggerUiPrefillsIsCreatedAsItIs() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(OpenApiExamples.requestBody("post", "/cohorts"))
                .when().post("/cohorts")
                .then().statusCode(201)
                .body("capacity", equalTo(5))
                .body("status", equalTo("PLANNED"));
    }
}
