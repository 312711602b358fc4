package org.stationf.aiprogram.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RoutingTest {

    /** The gateway's metrics, on its management port, which only the operators' network reaches. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Test
    void eachPublicPrefixReachesItsServiceWithThePrefixStripped() {
        String token = Gateway.partnerToken("META");
        given().auth().oauth2(token).queryParam("open", "true").when().get("/api/calls")
                .then().statusCode(200).body("upstream", equalTo("applications")).body("uri", equalTo("/calls?open=true"));
        given().auth().oauth2(token).when().get("/api/applications/7d3c/history")
                .then().statusCode(200).body("upstream", equalTo("applications")).body("uri", equalTo("/applications/7d3c/history"));
        given().auth().oauth2(token).when().get("/api/reviews").then().body("upstream", equalTo("applications"));
        given().auth().oauth2(token).when().get("/api/reviewers/me").then().body("upstream", equalTo("applications"));
        given().auth().oauth2(token).when().get("/api/cohorts/c1/calendar.ics").then().body("upstream", equalTo("cohorts"))
                .body("uri", equalTo("/cohorts/c1/calendar.ics"));
        given().auth().oauth2(token).when().get("/api/candidates").then().body("upstream", equalTo("cohorts"));
        given().auth().oauth2(token).when().get("/api/offers").then().body("upstream", equalTo("cohorts"));
        given().auth().oauth2(token).when().get("/api/members/me").then().body("upstream", equalTo("cohorts"));
        given().auth().oauth2(token).when().get("/api/resources/grants/g1/ledger").then().statusCode(200)
                .body("upstream", equalTo("resources")).body("uri", equalTo("/grants/g1/ledger"));
        given().auth().oauth2(token).when().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/callsign").then().statusCode(404);
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndTheServiceGetsThePathThatWasRouted() throws Exception {
        // Sent as typed (RestAssured would resolve the dots itself): the gateway routes /api/resources/grants/g1/ledger,
        // so that is what the resources service must be asked, not the raw path.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/calls/../resources/grants/g1/ledger?page=2"))
                .header("Authorization", "Bearer " + Gateway.partnerToken("META")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"upstream\": \"resources\"", "\"uri\": \"/grants/g1/ledger?page=2\"");
    }

    @Test
    void bodiesStatusesAndProblemsPassThroughUntouched() {
        String token = Gateway.partnerToken("SCALEWAY");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"quantity\": \"412.37\"}")
                .when().post("/api/resources/grants/g1/created")
                .then().statusCode(201).header("Location", "/things/42").body("echo.quantity", equalTo("412.37"));
        given().auth().oauth2(token).when().post("/api/applications/a1/conflict")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:deadline-passed"))
                .body("deadline", equalTo("2023-12-01T23:59:59+01:00"));
    }

    @Test
    void answersAreCompressedForCallersThatAcceptIt() throws Exception {
        // Java's HttpClient neither asks for compression nor decodes it: what crossed the network is what the test sees.
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder grants = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/resources/grants/large"))
                .header("Authorization", "Bearer " + Gateway.partnerToken("SCALEWAY"));

        HttpResponse<String> plain = http.send(grants.copy().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> gzipped = http.send(grants.copy().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(gzipped.body().length).isLessThan(plain.body().length() / 10);
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }

        HttpResponse<byte[]> binary = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/resources/grants/binary"))
                .header("Authorization", "Bearer " + Gateway.partnerToken("SCALEWAY")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(binary.headers().firstValue("Content-Encoding").orElse("identity")).as("a type not listed as compressible").isEqualTo("identity");
        assertThat(binary.body()).hasSize(4000);
    }

    @Test
    void swaggerUiAndTheGatewaysOwnDocumentAreCompressedToo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/q/swagger-ui/swagger-ui-bundle.js", "/q/openapi")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path));
            HttpResponse<byte[]> plain = http.send(request.copy().build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzipped = http.send(request.copy().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length / 3);
            try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertThat(unzipped.readAllBytes()).as(path).isEqualTo(plain.body());
            }
        }
    }

    /** A service writes its Location URLs from the forwarding headers: only the gateway's own reach it. */
    @Test
    void aCallersForwardingHeadersCannotPointTheServicesLinksElsewhere() {
        given().auth().oauth2(Gateway.partnerToken("META"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Port", "6666").header("X-Forwarded-Ssl", "on")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Prefix", "/evil").header("X-Forwarded-Server", "evil.example")
                .header("Forwarded", "host=evil.example;proto=https").header("X-Forwarded-Trusted-Proxy", "true")
                .when().get("/api/resources/partners/forwarded").then().statusCode(200);
        StubUpstreams.Seen seen = last("resources", "/partners/forwarded");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("localhost:" + RestAssured.port);
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.header("X-Forwarded-Prefix")).isEqualTo("/api/resources");
        for (String dropped : List.of("X-Forwarded-Port", "X-Forwarded-Ssl", "X-Forwarded-Server", "Forwarded", "X-Forwarded-Trusted-Proxy")) {
            assertThat(seen.header(dropped)).as(dropped).isNull();
        }
    }

    @Test
    void everyRequestCarriesARequestIdAndATraceContextUpstream() {
        String token = Gateway.partnerToken("HUGGING_FACE");
        List<String> answeredIds = given().auth().oauth2(token).header("X-Request-Id", "frontend-req-001")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .when().get("/api/cohorts/traced")
                .then().statusCode(200).extract().headers().getValues("X-Request-Id");
        assertThat(answeredIds).as("one X-Request-Id, though the service echoes it too").containsExactly("frontend-req-001");
        StubUpstreams.Seen seen = last("cohorts", "/cohorts/traced");
        assertThat(seen.header("X-Request-Id")).isEqualTo("frontend-req-001");
        assertThat(seen.header("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").doesNotContain("00f067aa0ba902b7");
        assertThat(seen.header("X-Forwarded-Prefix")).isEqualTo("/api");
        assertThat(seen.header("X-Forwarded-For")).isNotBlank();

        String generated = given().auth().oauth2(token).when().get("/api/cohorts/untraced")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f]{32}")).extract().header("X-Request-Id");
        StubUpstreams.Seen untraced = last("cohorts", "/cohorts/untraced");
        assertThat(untraced.header("X-Request-Id")).isEqualTo(generated);
        assertThat(untraced.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    /** A service's metrics, health, OpenAPI document and Swagger UI are for the internal network, however the path is spelled. */
    @Test
    void aServicesOwnEndpointsAreNotReachedThroughTheGateway() throws Exception {
        String token = Gateway.partnerToken("META");
        for (String path : List.of("/api/resources/q/metrics", "/api/resources/q", "/api/resources//q/metrics", "/api/resources/%71/metrics",
                "/api/resources/grants/../q/health", "/api/resources/q;x=1/openapi", "/api/resources/q/swagger-ui/")) {
            for (String authorization : List.of("", "Bearer " + token)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path));
                if (!authorization.isEmpty()) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            }
        }
        // A path that only begins with a q is the service's own to answer.
        given().auth().oauth2(token).when().get("/api/resources/quotas").then().statusCode(200)
                .body("upstream", equalTo("resources")).body("uri", equalTo("/quotas"));
    }

    @Test
    void requestsWithoutATokenAreLeftToTheServiceAndBadTokensAreRefusedAtTheDoor() {
        given().when().get("/api/calls").then().statusCode(200).body("upstream", equalTo("applications"));
        assertThat(last("applications", "/calls").header("Authorization")).isNull();
        given().auth().oauth2("not-a-token").when().get("/api/calls")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("requestId", notNullValue());
    }

    @Test
    void metricsAreServedOnTheManagementPortNotOnThePublicOne() {
        given().when().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().when().get(metricsUrl).then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsCountEachOperationOnceWhateverIdsTheCallersName() {
        String token = Gateway.partnerToken("META");
        for (String id : List.of("6f1c2a7e-3b8d-4c55-9a0e-1d2f3a4b5c6d", "0b9e8d7c-6a5f-4e3d-2c1b-0a9f8e7d6c5b")) {
            given().auth().oauth2(token).when().get("/api/applications/" + id + "/history").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/cohorts/c1/calendar.ics").then().statusCode(200);

        // A scanner's paths, refused for a bad token or unknown to the service: counted per route, not one series each.
        for (String probe : List.of("admin-panel", "wp-login", "backup-old")) {
            given().auth().oauth2("not-a-token").when().get("/api/calls/7/" + probe).then().statusCode(401);
            given().auth().oauth2(token).when().get("/api/calls/7/" + probe + "/missing").then().statusCode(404);
        }

        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("uri=\"/api/applications/{id}/history\"")
                .contains("uri=\"/api/cohorts/{id}/calendar.ics\"")
                .doesNotContain("6f1c2a7e-3b8d", "0b9e8d7c-6a5f")
                .doesNotContain("admin-panel", "wp-login", "backup-old")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/api/calls/\\*\\*\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/calls/\\*\\*\"");
    }

    static StubUpstreams.Seen last(String upstream, String uri) {
        List<StubUpstreams.Seen> seen = StubUpstreams.SEEN.get(upstream);
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).uri().equals(uri)) {
                return seen.get(i);
            }
        }
        throw new AssertionError("nothing reached " + upstream + " at " + uri);
    }
}
