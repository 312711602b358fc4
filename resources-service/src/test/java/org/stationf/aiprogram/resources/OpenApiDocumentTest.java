package org.stationf.aiprogram.resources;

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
    void thePackageSwaggerUiPrefillsIsSetAsItIs() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(OpenApiExamples.requestBody("put", "/packages/{cohortId}"))
                .when().put("/packages/{cohortId}", Program.plannedCohort())
                .then().statusCode(200)
                .body("items[0].kind", equalTo("COMPUTE_CREDITS"))
                .body("items[0].unit", equalTo("EUR"));
    }
}
