package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
            responses.add(given().auth().oauth2(token).header("Origin", "http://localhost:3000").get("/api/resources/grants"));
        }
        long refills = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        Response limited = responses.get(responses.size() - 1);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(responses.subList(0, responses.size() - 1)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200))
                .hasSizeBetween(10, 10 + (int) refills);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("Access-Control-Allow-Origin")).as("readable by the frontend").isEqualTo("http://localhost:3000");
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
    void anAddressSendingWrongPasswordsIsMadeToWaitAndOthersAreNot() throws IOException {
        String login = "{\"email\": \"guessing-" + UUID.randomUUID() + "@example.com\", \"password\": \"not-the-password\"}";
        // Wrong credentials from their own loopback address, so the other tests' attempts from 127.0.0.1 do not count.
        List<Integer> statuses = new ArrayList<>();
        RawResponse refused = null;
        while (statuses.size() < 15 && refused == null) {
            RawResponse response = RawResponse.post("127.0.0.9", "/auth/login", login);
            statuses.add(response.status());
            refused = response.status() == 429 ? response : null;
        }
        assertThat(statuses).as("10 wrong passwords in a row, then a wait").startsWith(Collections.nCopies(10, 401).toArray(Integer[]::new))
                .endsWith(429);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("retry-after"))).isBetween(1, 60);
        assertThat(refused.body()).contains("urn:ai-startup-program:problem:rate-limited");
        // While it waits, the address cannot try client secrets either; another address gets its answer.
        assertThat(RawResponse.post("127.0.0.9", "/oauth/token", null).status()).isEqualTo(429);
        given().contentType(ContentType.JSON).body(login).post("/auth/login").then().statusCode(401);
        assertThat(Gateway.adminToken()).isNotBlank();
    }

    /** A stolen founder's token does not let its holder try passwords faster than a login form does. */
    @Test
    void wrongCurrentPasswordsWhenChangingItCountAsWrongLogins() throws IOException {
        String founder = given().contentType(ContentType.JSON)
                .body(Map.of("email", "changing-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery", "name", "Founder"))
                .post("/auth/signup").then().statusCode(201).extract().path("access_token");
        String guess = "{\"currentPassword\": \"not-the-password\", \"newPassword\": \"taken over at last\"}";
        List<Integer> statuses = new ArrayList<>();
        RawResponse refused = null;
        while (statuses.size() < 15 && refused == null) {
            RawResponse response = RawResponse.post("127.0.0.12", "/auth/password", guess, founder);
            statuses.add(response.status());
            refused = response.status() == 429 ? response : null;
        }
        assertThat(statuses).as("10 wrong passwords in a row, then a wait").startsWith(Collections.nCopies(10, 400).toArray(Integer[]::new))
                .endsWith(429);
        assertThat(RawResponse.post("127.0.0.12", "/auth/login", "{\"email\": \"x@example.com\", \"password\": \"whatever\"}").status())
                .as("nor a login from that address").isEqualTo(429);
    }

    @Test
    void parallelGuessesCannotAllSlipInBeforeTheFirstIsFoundWrong() throws Exception {
        String login = "{\"email\": \"parallel-" + UUID.randomUUID() + "@example.com\", \"password\": \"not-the-password\"}";
        ExecutorService guessers = Executors.newFixedThreadPool(30);
        try {
            List<Future<RawResponse>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                guesses.add(guessers.submit(() -> RawResponse.post("127.0.0.10", "/auth/login", login)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<RawResponse> guess : guesses) {
                statuses.add(guess.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsOnly(401, 429);
            // The burst of 10, and the one more attempt the bucket refills every 6 s while the guesses run.
            assertThat(statuses.stream().filter(status -> status == 401).count()).as("passwords compared").isBetween(10L, 12L);
        } finally {
            guessers.shutdownNow();
        }
    }

    @Test
    void anAddressCreatesABurstOfAccountsThenWaits() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        RawResponse refused = null;
        while (statuses.size() < 25 && refused == null) {
            String signUp = "{\"email\": \"founder-" + UUID.randomUUID() + "@example.com\", \"password\": \"correct horse battery\", "
                    + "\"name\": \"Founder\"}";
            RawResponse response = RawResponse.post("127.0.0.11", "/auth/signup", signUp);
            statuses.add(response.status());
            refused = response.status() == 429 ? response : null;
        }
        assertThat(statuses).as("a burst of 20 sign-ups, then a wait").startsWith(Collections.nCopies(20, 201).toArray(Integer[]::new))
                .endsWith(429).hasSize(21);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("retry-after"))).isBetween(1, 60);
        // Founders elsewhere still sign up.
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "elsewhere-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery", "name", "Elsewhere"))
                .post("/auth/signup").then().statusCode(201);
    }

    /** One HTTP/1.1 exchange over a socket bound to a chosen local address (no HTTP client here lets one choose it). */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse post(String fromAddress, String path, String json) throws IOException {
            return post(fromAddress, path, json, null);
        }

        static RawResponse post(String fromAddress, String path, String json, String bearerToken) throws IOException {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(fromAddress, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
                socket.setSoTimeout(10_000);
                byte[] body = (json == null ? "grant_type=client_credentials&client_id=admin&client_secret=wrong" : json)
                        .getBytes(StandardCharsets.UTF_8);
                String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + "Content-Type: " + (json == null ? "application/x-www-form-urlencoded" : "application/json") + "\r\n"
                        + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n")
                        + "Content-Length: " + body.length + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                String[] answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2);
                String[] lines = answer[0].split("\r\n");
                Map<String, String> headers = new HashMap<>();
                for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                    headers.put(line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT), line.substring(line.indexOf(':') + 1).trim());
                }
                return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.length > 1 ? answer[1] : "");
            }
        }

        String header(String name) {
            return headers.get(name);
        }
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
    void theFrontendsScriptsCanReadTheRequestIdTheRateLimitAndTheNamesOfDownloads() {
        given().auth().oauth2(Gateway.partnerToken("META")).header("Origin", "http://localhost:3000")
                .when().get("/api/calls")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", allOf(containsString("X-Request-Id"), containsString("X-RateLimit-Limit"),
                        containsString("X-RateLimit-Remaining"), containsString("Retry-After"), containsString("Location"),
                        // The file name of a CSV export or an iCalendar file.
                        containsString("Content-Disposition")))
                .header("X-RateLimit-Limit", notNullValue());
        // Refusals too, or the browser would hide them from the frontend as network errors.
        given().auth().oauth2("not-a-token").header("Origin", "http://localhost:3000").when().get("/api/calls")
                .then().statusCode(401).header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "http://localhost:3000").when().get("/api/nowhere")
                .then().statusCode(404).header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void noCacheKeepsAnApiAnswerUnlessItSaysOtherwise() {
        String partner = Gateway.partnerToken("META");
        given().auth().oauth2(partner).get("/api/resources/grants")
                .then().statusCode(200).header("Cache-Control", "no-store");
        // Refusals too (the stub upstream answers .../conflict with a 409 problem).
        given().auth().oauth2(partner).get("/api/resources/grants/conflict")
                .then().statusCode(409).header("Cache-Control", "no-store");
        // A client secret is shown once: not even the browser that asked may keep it.
        given().auth().oauth2(Gateway.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Cache probe", "roles", List.of("partner"), "partner", "META"))
                .post("/admin/clients")
                .then().statusCode(201).header("Cache-Control", "no-store");
        // The public keys say how long they may be cached, and keep saying it.
        Response keys = given().get("/oauth/jwks");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().getValues("Cache-Control")).containsExactly("public, max-age=300");
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
                .body("paths.'/things'.get.security.size()", equalTo(2))
                // What the gateway answers by itself to a routed call, beside what the service documents:
                .body("paths.'/things'.get.responses.keySet()", containsInAnyOrder("200", "429", "503", "504"))
                .body("paths.'/things'.get.responses.'429'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body("paths.'/things'.get.responses.'503'.content.'application/problem+json'.schema.$ref", equalTo("#/components/schemas/Problem"));
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
