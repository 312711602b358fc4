package org.stationf.aiprogram.resources.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.api.SealedSecrets;
import org.stationf.aiprogram.resources.Program;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class SigningSecretsTest {

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "resources.webhooks.secrets-key")
    String newKey;

    @ConfigProperty(name = "resources.webhooks.previous-secrets-key")
    String previousKey;

    @Test
    void secretsStoredBeforeTheKeyWasSetAreSealedAtStartEvenByTwoInstancesStartingTogether() throws Exception {
        String code = Program.partnerCode("SEAL_");
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

    /** The test profile starts the service as during a rotation of WEBHOOK_SECRETS_KEY: with the new key and the previous one. */
    @Test
    void secretsSealedWithThePreviousKeyAreSealedWithTheNewOneAtStart() {
        String code = Program.partnerCode("ROTATE_");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Partner whose secret was sealed with the previous key"))
                .post("/partners").then().statusCode(201);
        // A planned rotation under way: the secret it replaced still signs.
        String replaced = given().auth().oauth2(TestTokens.admin()).post("/partners/{code}/signing-secret", code)
                .then().statusCode(200).extract().path("signingSecret");
        String secret = given().auth().oauth2(TestTokens.admin()).queryParam("keepPreviousFor", "P1D").post("/partners/{code}/signing-secret", code)
                .then().statusCode(200).extract().path("signingSecret");
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE partner SET signing_secret = :sealed, previous_signing_secret = :previous WHERE code = :code")
                .setParameter("sealed", sealing(previousKey).seal(code, secret)).setParameter("previous", sealing(previousKey).seal(code, replaced))
                .setParameter("code", code).executeUpdate());
        assertThat(signingSecrets.open(QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>findById(code))))
                .as("webhooks are still signed while the service runs with both keys").isEqualTo(secret);

        signingSecrets.onStart(null);

        Partner resealed = QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>findById(code));
        assertThat(sealing(newKey).open(code, resealed.signingSecret)).as("opens without the previous key").isEqualTo(secret);
        assertThatThrownBy(() -> sealing(previousKey).open(code, resealed.signingSecret)).isInstanceOf(IllegalStateException.class);
        assertThat(sealing(newKey).open(code, resealed.previousSigningSecret)).as("so does the secret the rotation kept").isEqualTo(replaced);
        assertThatThrownBy(() -> sealing(previousKey).open(code, resealed.previousSigningSecret)).isInstanceOf(IllegalStateException.class);
    }

    private static SealedSecrets sealing(String key) {
        return new SealedSecrets(Optional.of(key), "WEBHOOK_SECRETS_KEY", "webhook signing secret of partner", "");
    }
}
