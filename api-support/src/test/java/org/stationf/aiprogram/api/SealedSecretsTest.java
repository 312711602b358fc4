package org.stationf.aiprogram.api;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedSecretsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String VALUE = "whsec_5f0c3e2a8b7d4c6ea1f93d2b4c5e6f705f0c3e2a8b7d4c6ea1f93d2b4c5e6f70";

    private static SealedSecrets sealing(String secret) {
        return new SealedSecrets(Optional.ofNullable(secret), "TEST_SECRET", "test value", "start over");
    }

    @Test
    void aSealedValueOpensWithItsSecretAndRowAndShowsNothingOfTheValue() {
        SealedSecrets seal = sealing(SECRET);
        String stored = seal.seal("META", VALUE);

        assertThat(stored).startsWith("aes256gcm:").doesNotContain(VALUE.substring(10, 30));
        assertThat(seal.open("META", stored)).isEqualTo(VALUE);
        assertThat(sealing(SECRET).open("META", stored)).as("another instance with the same secret").isEqualTo(VALUE);
        assertThat(seal.seal("META", VALUE)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void anotherSecretAnotherRowAnotherPurposeOrATamperedValueDoNotOpen() {
        String stored = sealing(SECRET).seal("META", VALUE);

        assertThatThrownBy(() -> sealing(SECRET.replace('0', 'x')).open("META", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("The test value META does not open with this TEST_SECRET")
                .hasMessageContaining("start over");
        assertThatThrownBy(() -> sealing(SECRET).open("SCALEWAY", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SCALEWAY");
        assertThatThrownBy(() -> new SealedSecrets(Optional.of(SECRET), "TEST_SECRET", "other value", "").open("META", stored))
                .isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(stored.substring("aes256gcm:".length()));
        raw[20] ^= 1;
        String tampered = "aes256gcm:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> sealing(SECRET).open("META", tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealing(null).open("META", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEST_SECRET is not set");
    }

    @Test
    void withoutASecretValuesAreStoredAsTheyAreWhichASealingServiceStillReads() {
        String plain = sealing(null).seal("META", VALUE);

        assertThat(plain).isEqualTo(VALUE);
        assertThat(sealing(SECRET).open("META", plain)).isEqualTo(VALUE);
    }

    @Test
    void aNewSecretReadsWhatTheOneItReplacesSealedAndResealsIt() {
        String newSecret = SECRET.replace('0', 'n');
        String underOld = sealing(SECRET).seal("META", VALUE);
        SealedSecrets rotating = new SealedSecrets(Optional.of(newSecret), Optional.of(SECRET), "TEST_SECRET", "test value", "start over");

        assertThat(rotating.open("META", underOld)).isEqualTo(VALUE);
        String underNew = rotating.resealed("META", underOld).orElseThrow();
        assertThat(sealing(newSecret).open("META", underNew)).as("opens without the previous secret").isEqualTo(VALUE);
        assertThat(rotating.resealed("META", underNew)).as("already under the new secret").isEmpty();
        assertThat(sealing(newSecret).open("META", rotating.resealed("META", VALUE).orElseThrow())).as("a value stored as it is")
                .isEqualTo(VALUE);
        assertThat(sealing(SECRET).resealed("META", underOld)).as("no rotation under way").isEmpty();
        assertThat(sealing(null).resealed("META", VALUE)).as("nothing to seal with").isEmpty();
        assertThatThrownBy(() -> sealing(null).resealed("META", underOld)).as("a sealed value and no secret to open it")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEST_SECRET is not set");

        String underAThird = sealing(SECRET.replace('1', 't')).seal("META", VALUE);
        assertThatThrownBy(() -> rotating.resealed("META", underAThird))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opens neither with this TEST_SECRET nor with TEST_SECRET_PREVIOUS");
        assertThatThrownBy(() -> sealing(newSecret).open("META", underOld))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("as TEST_SECRET_PREVIOUS");
        assertThatThrownBy(() -> new SealedSecrets(Optional.empty(), Optional.of(SECRET), "TEST_SECRET", "test value", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEST_SECRET_PREVIOUS is set but TEST_SECRET is not");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> sealing("password"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEST_SECRET must be at least 32 characters");
    }
}
