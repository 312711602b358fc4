package org.stationf.aiprogram.gateway.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.api.SealedSecrets;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test profile starts the gateway as during a rotation of SIGNING_KEY_SECRET: with the new secret and the previous one. */
@QuarkusTest
class SigningKeySealingTest {

    @Inject
    SigningKeys signingKeys;

    @Inject
    GatewayConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void keysSealedWithThePreviousSecretAreSealedWithTheNewOneAtStartAndKeepSigning() {
        SealedSecrets newSecretOnly = sealing(config.tokens().keyEncryptionSecret());
        SealedSecrets previousSecretOnly = sealing(config.tokens().previousKeyEncryptionSecret());
        Map<String, String> privateKeys = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : rows()) {
                String kid = (String) row[0];
                privateKeys.put(kid, newSecretOnly.open(kid, (String) row[1]));
                entityManager.createNativeQuery("UPDATE signing_key SET private_key = :sealed WHERE kid = :kid")
                        .setParameter("sealed", previousSecretOnly.seal(kid, privateKeys.get(kid))).setParameter("kid", kid).executeUpdate();
            }
        });
        assertThat(privateKeys).hasSizeGreaterThanOrEqualTo(2);

        signingKeys.onStart(null);

        QuarkusTransaction.requiringNew().run(() -> {
            for (Object[] row : rows()) {
                String kid = (String) row[0];
                assertThat(newSecretOnly.open(kid, (String) row[1])).as("key %s opens without the previous secret", kid)
                        .isEqualTo(privateKeys.get(kid));
                assertThatThrownBy(() -> previousSecretOnly.open(kid, (String) row[1])).isInstanceOf(IllegalStateException.class);
            }
        });
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", config.bootstrapAdmin().clientId())
                .formParam("client_secret", config.bootstrapAdmin().clientSecret().orElseThrow())
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/admin/clients").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows() {
        return entityManager.createNativeQuery("SELECT kid, private_key FROM signing_key").getResultList();
    }

    private static SealedSecrets sealing(Optional<String> secret) {
        return new SealedSecrets(Optional.of(secret.orElseThrow()), "SIGNING_KEY_SECRET", "signing key", "");
    }
}
