package org.stationf.aiprogram.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationDocumentsItsSuccessItsErrorsAsProblemsAndAnExampleBody() throws Exception {
        String document = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();

        assertThat(OpenApiContract.violations(new ObjectMapper().readTree(document))).isEmpty();
    }
}
