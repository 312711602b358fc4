package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.OpenApiContract;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    /** What Swagger UI's Authorize button applies, and what a generated client sends, follows the document's security. */
    @Test
    void eachIdentityEndpointSaysWhetherItTakesABearerToken() {
        List<Map<String, Object>> bearer = List.of(Map.of(GatewayApi.SECURITY_SCHEME, List.of()));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/oauth/token'.post.security", equalTo(List.of()))
                .body("paths.'/auth/login'.post.security", equalTo(List.of()))
                .body("paths.'/oauth/revoke'.post.security", equalTo(bearer))
                .body("paths.'/auth/logout'.post.security", equalTo(List.of(Map.of(), bearer.get(0))))
                .body("paths.'/admin/clients'.get.security", equalTo(List.of(Map.of(GatewayApi.SECURITY_SCHEME, List.of("admin")))))
                .body("security", equalTo(bearer));
    }
}
