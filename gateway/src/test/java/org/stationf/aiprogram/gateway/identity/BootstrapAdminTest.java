package org.stationf.aiprogram.gateway.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BootstrapAdminTest {

    @Inject
    ClientService clients;

    @Inject
    GatewayConfig config;

    @Test
    void twoGatewaysStartingTogetherOnAnEmptyDatabaseBothStartAndCreateOneAdmin() throws Exception {
        String adminId = config.bootstrapAdmin().clientId();
        QuarkusTransaction.requiringNew().run(() -> ApiClient.deleteById(adminId));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<?>> startups = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                startups.add(instances.submit(() -> {
                    together.await();
                    clients.bootstrapAdmin(null);
                    return null;
                }));
            }
            together.countDown();
            for (Future<?> startup : startups) {
                startup.get(60, TimeUnit.SECONDS); // rethrows the failure of an instance that could not start
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiClient.count("clientId", adminId))).isEqualTo(1);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", adminId).formParam("client_secret", config.bootstrapAdmin().clientSecret().orElseThrow())
                .post("/oauth/token").then().statusCode(200);
    }
}
