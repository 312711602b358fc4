package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
            Response stopped = given().auth().oauth2(token).get("/api/resources/grants");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.contentType()).startsWith("application/problem+json");
            assertThat(stopped.jsonPath().getString("upstream")).isEqualTo("resources");
            assertThat(stopped.jsonPath().getString("detail")).contains("resources");
            assertThat(stopped.header("Retry-After")).isEqualTo("5");
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
    void callersHangingUpDoNotOpenTheCircuit() {
        String token = Gateway.partnerToken("SCALEWAY");
        for (int i = 0; i < 4; i++) {
            try {
                given().config(io.restassured.config.RestAssuredConfig.config().httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", 300)))
                        .auth().oauth2(token).get("/api/applications/slow");
            } catch (Exception hungUp) {
                // The caller gave up after 300 ms, as a client with a short timeout does.
            }
        }
        given().auth().oauth2(token).get("/api/applications/x").then().statusCode(200);
    }

    @Test
    void readinessShowsEachUpstream() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Upstreams' }.data.applications", containsString("UP"))
                .body("checks.find { it.name == 'Upstreams' }.data.cohorts", containsString("circuit")));
    }
}
