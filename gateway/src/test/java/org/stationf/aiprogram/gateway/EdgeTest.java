package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EdgeTest {

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfter() {
        String token = Gateway.partnerToken("SCALEWAY");
        // A burst of 10, refilled at 60 a minute: one more request is allowed per second the burst takes, so the
        // first refusal is counted against the elapsed time, not at a fixed position (a slow machine takes > 1 s).
        List<Response> responses = new ArrayList<>();
        long started = System.nanoTime();
        while (responses.size() < 40 && (responses.isEmpty() || responses.get(responses.size() - 1).statusCode() != 429)) {
            responses.add(given().auth().oauth2(token).get("/api/resources/grants"));
        }
        long refills = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        Response limited = responses.get(responses.size() - 1);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(responses.subList(0, responses.size() - 1)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200))
                .hasSizeBetween(10, 10 + (int) refills);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:rate-limited");
        // Another client is not affected.
        given().auth().oauth2(Gateway.partnerToken("META")).get("/api/resources/grants").then().statusCode(200);
    }

    @Test
    void aCallerCannotEscapeItsRateLimitByClaimingAnotherAddress() {
        List<Integer> remaining = new ArrayList<>();
        for (String claimed : List.of("203.0.113.7", "203.0.113.8", "203.0.113.9")) {
            remaining.add(Integer.parseInt(given().header("X-Forwarded-For", claimed).get("/api/calls/spoofed")
                    .then().statusCode(200).extract().header("X-RateLimit-Remaining")));
        }
        assertThat(remaining.get(2)).as("one bucket for the real address, whatever X-Forwarded-For claims").isLessThan(remaining.get(0));
        // The claim is passed on as the caller's, followed by the address the gateway really saw.
        assertThat(RoutingTest.last("applications", "/calls/spoofed").header("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
    }

    @Test
    void corsPreflightIsAnsweredForTheFrontendsOriginAndRefusedForAnother() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/applications")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/applications")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void answersCarrySecurityHeadersAndOversizeBodiesAreRefused() {
        given().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        given().auth().oauth2(Gateway.partnerToken("META")).contentType("application/json")
                .body("{\"x\": \"" + "a".repeat(2_000_000) + "\"}")
                .post("/api/resources/grants/g1/created")
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(Gateway.partnerToken("META")).queryParam("q", "x".repeat(5000))
                .get("/api/calls")
                .then().statusCode(414).contentType("application/problem+json");
    }

    @Test
    void swaggerUiListsEveryServiceAndTheirDocumentsPointThroughTheGateway() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/openapi/resources").then().statusCode(200)
                .body("servers[0].url", equalTo("/api/resources"))
                .body("components.securitySchemes.gatewayClientCredentials.flows.clientCredentials.tokenUrl", equalTo("/oauth/token"))
                .body("paths.'/things'.get.security.size()", equalTo(2));
        given().get("/openapi/nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theGatewaysOwnDocumentTellsTheFrontendWhatEachAdminCallAnswers() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/admin/clients'.post.responses.'201'.content.'application/json'.schema.$ref", equalTo("#/components/schemas/Client"))
                .body("paths.'/admin/clients'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/admin/clients/{clientId}'.get.responses.'404'.content.'application/problem+json'", notNullValue())
                .body("paths.'/admin/clients/{clientId}/secret'.post.responses.'409'", notNullValue())
                .body("paths.'/admin/keys'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("paths.'/admin/keys/rotate'.post.responses.'403'", notNullValue());
    }
}
