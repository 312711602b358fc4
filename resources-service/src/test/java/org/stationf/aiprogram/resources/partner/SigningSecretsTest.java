package org.stationf.aiprogram.resources.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SigningSecretsTest {

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    EntityManager entityManager;

    @Test
    void secretsStoredBeforeTheKeyWasSetAreSealedAtStartEvenByTwoInstancesStartingTogether() throws Exception {
        String code = "SEAL_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Partner of a deployment that had no WEBHOOK_SECRETS_KEY"))
                .post("/partners").then().statusCode(201);
        String plain = "whsec_" + "0123456789abcdef".repeat(4);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE partner SET signing_secret = :plain WHERE code = :code")
                .setParameter("plain", plain).setParameter("code", code).executeUpdate());

        Callable<Void> instanceStarting = () -> {
            signingSecrets.onStart(null);
            return null;
        };
        AllAtOnce.run(List.of(instanceStarting, instanceStarting)); // rethrows the failure of an instance that could not start

        Partner partner = QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>findById(code));
        assertThat(partner.signingSecret).startsWith("aes256gcm:").doesNotContain(plain.substring(6));
        assertThat(signingSecrets.open(partner)).as("the partner's secret is unchanged").isEqualTo(plain);
    }
}
