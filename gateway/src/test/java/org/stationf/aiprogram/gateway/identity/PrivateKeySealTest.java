package org.stationf.aiprogram.gateway.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateKeySealTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final byte[] pkcs8 = rsaPrivateKey();

    @Test
    void aSealedKeyOpensWithItsSecretAndKeyIdAndShowsNothingOfTheKey() {
        PrivateKeySeal seal = new PrivateKeySeal(Optional.of(SECRET));
        String stored = seal.seal("k-1", pkcs8);

        assertThat(stored).startsWith("aes256gcm:").doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(40, 80));
        assertThat(seal.open("k-1", stored)).isEqualTo(pkcs8);
        assertThat(new PrivateKeySeal(Optional.of(SECRET)).open("k-1", stored)).as("another gateway with the same secret").isEqualTo(pkcs8);
        assertThat(seal.seal("k-1", pkcs8)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void anotherSecretAnotherKeyIdOrATamperedValueDoNotOpen() {
        String stored = new PrivateKeySeal(Optional.of(SECRET)).seal("k-1", pkcs8);

        assertThatThrownBy(() -> new PrivateKeySeal(Optional.of(SECRET.replace('0', 'x'))).open("k-1", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open with this SIGNING_KEY_SECRET");
        assertThatThrownBy(() -> new PrivateKeySeal(Optional.of(SECRET)).open("k-2", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k-2");
        byte[] raw = Base64.getDecoder().decode(stored.substring("aes256gcm:".length()));
        raw[20] ^= 1;
        String tampered = "aes256gcm:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> new PrivateKeySeal(Optional.of(SECRET)).open("k-1", tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PrivateKeySeal(Optional.empty()).open("k-1", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SIGNING_KEY_SECRET is not set");
    }

    @Test
    void withoutASecretKeysAreStoredAsPlainPkcs8WhichASealingGatewayStillReads() {
        String plain = new PrivateKeySeal(Optional.empty()).seal("k-1", pkcs8);

        assertThat(plain).isEqualTo(Base64.getEncoder().encodeToString(pkcs8));
        assertThat(new PrivateKeySeal(Optional.of(SECRET)).open("k-1", plain)).isEqualTo(pkcs8);
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new PrivateKeySeal(Optional.of("password")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    }

    private static byte[] rsaPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
