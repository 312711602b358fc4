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

    /**
     * What Swagger UI's Authorize dialog applies, and what a generated client sends, follows the document's security:
     * a founder's token from POST /auth/login goes in the bearer scheme, which no client credentials give.
     */
    @Test
    void eachIdentityEndpointSaysWhichTokensItTakes() {
        Map<String, Object> anyBearer = Map.of(GatewayApi.BEARER_SCHEME, List.of());
        Map<String, Object> clientCredentials = Map.of(GatewayApi.SECURITY_SCHEME, List.of());
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("servers.url", equalTo(List.of("/")))
                .body("paths.'/oauth/token'.post.security", equalTo(List.of()))
                .body("paths.'/auth/login'.post.security", equalTo(List.of()))
                .body("paths.'/auth/me'.get.security", equalTo(List.of(Map.of(GatewayApi.BEARER_SCHEME, List.of("applicant")))))
                .body("paths.'/auth/password'.post.security", equalTo(List.of(Map.of(GatewayApi.BEARER_SCHEME, List.of("applicant")))))
                .body("paths.'/auth/logout'.post.security", equalTo(List.of(Map.of(), anyBearer)))
                .body("paths.'/oauth/revoke'.post.security", equalTo(List.of(anyBearer, clientCredentials)))
                .body("paths.'/admin/clients'.get.security", equalTo(List.of(Map.of(GatewayApi.BEARER_SCHEME, List.of("admin")), clientCredentials)))
                .body("security", equalTo(List.of(anyBearer, clientCredentials)));
    }
}
