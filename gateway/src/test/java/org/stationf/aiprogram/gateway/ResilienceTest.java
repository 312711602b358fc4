package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ResilienceTest {

    @Test
    void aStoppedServiceGivesAFast503NamingItAndTheRouteRecoversWhenItIsBack() {
        String token = Gateway.partnerToken("META");
        given().auth().oauth2(token).get("/api/resources/grants").then().statusCode(200);
        StubUpstreams.stop("resources");
        try {
            long started = System.nanoTime();
            Response stopped = given().auth().oauth2(token).header("Origin", "http://localhost:3000").get("/api/resources/grants");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.contentType()).startsWith("application/problem+json");
            assertThat(stopped.jsonPath().getString("upstream")).isEqualTo("resources");
            assertThat(stopped.jsonPath().getString("detail")).contains("resources");
            assertThat(stopped.header("Retry-After")).isEqualTo("5");
            assertThat(stopped.header("Access-Control-Allow-Origin")).as("readable by the frontend").isEqualTo("http://localhost:3000");
            assertThat(stopped.header("X-Request-Id")).isNotBlank();
            assertThat(millis).as("answered in %d ms", millis).isLessThan(2000);

            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).get("/api/resources/grants").then().statusCode(503);
            }
            given().get("/q/health/ready").then().body("checks.find { it.name == 'Upstreams' }.data.resources", containsString("circuit OPEN"));
            // Other services are not affected.
            given().auth().oauth2(token).get("/api/calls").then().statusCode(200);
        } finally {
            StubUpstreams.start("resources");
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/resources/grants").then().statusCode(200).body("upstream", equalTo("resources")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'Upstreams' }.data.resources", containsString("UP, circuit CLOSED")));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesA504() {
        String token = Gateway.partnerToken("META");
        long started = System.nanoTime();
        given().auth().oauth2(token).get("/api/cohorts/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:upstream-timeout"))
                .body("upstream", equalTo("cohorts"));
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1500L, 4500L);
    }

    @Test
    void callersHangingUpDoNotOpenTheCircuitAndAreLoggedAs499NotAsErrors() throws Exception {
        String token = Gateway.partnerToken("SCALEWAY");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            // Callers giving up after 300 ms, as clients with a short timeout do: before the answer, and in the middle of its
            // body, plain or compressed.
            for (String path : List.of("/api/applications/slow", "/api/applications/trickle")) {
                for (boolean compressed : List.of(false, true)) {
                    hangUpAfter300Ms(path, token, compressed);
                    hangUpAfter300Ms(path, token, compressed);
                }
            }
            given().auth().oauth2(token).get("/api/applications/x").then().statusCode(200);
            // The stand-in answers /slow after 5 s: by then the gateway has seen each hang-up end.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(records.stream()
                    .filter(r -> r.getLoggerName().equals("gateway.access") && formatted(r).matches("GET /api/applications/(slow|trickle) .*")))
                    .hasSize(8).allSatisfy(r -> assertThat(formatted(r)).contains("-> applications 499 in")));
            assertThat(records).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    /** A caller that sends its request, reads what comes for 300 ms, then closes its connection. */
    private static void hangUpAfter300Ms(String path, String token, boolean acceptsGzip) throws IOException {
        try (Socket caller = new Socket("127.0.0.1", RestAssured.port)) {
            caller.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + (acceptsGzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.setSoTimeout(300);
            try {
                while (caller.getInputStream().read(new byte[8192]) >= 0) {
                    // what arrives before the caller gives up
                }
            } catch (SocketTimeoutException givingUp) {
                // the caller's timeout: it hangs up
            }
        }
    }

    private static String formatted(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    @Test
    void readinessShowsEachUpstream() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.applications", containsString("UP"))
                .body("checks.find { it.name == 'Upstreams' }.data.cohorts", containsString("circuit")));
    }
}
