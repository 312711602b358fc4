package org.stationf.aiprogram.gateway.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.gateway.GatewayConfig;
import org.stationf.aiprogram.testing.AllAtOnce;

import java.util.List;
import java.util.concurrent.Callable;

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

        Callable<Void> instanceStarting = () -> {
            clients.bootstrapAdmin(null);
            return null;
        };
        AllAtOnce.run(List.of(instanceStarting, instanceStarting)); // rethrows the failure of an instance that could not start

        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiClient.count("clientId", adminId))).isEqualTo(1);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", adminId).formParam("client_secret", config.bootstrapAdmin().clientSecret().orElseThrow())
                .post("/oauth/token").then().statusCode(200);
    }
}
