package org.stationf.aiprogram.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class GatewayHealthTest {

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().when().get("/api/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/nowhere"));
    }
}
