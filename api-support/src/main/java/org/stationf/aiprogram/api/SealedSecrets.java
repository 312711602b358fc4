package org.stationf.aiprogram.api;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets a service must be able to read back (the gateway's token-signing keys, the partners' webhook signing
 * secrets), kept in its database sealed with AES-256-GCM under a key derived from a secret it is configured with, so
 * that a copy of the database (a dump, a backup, a read-only login) does not give them away. The id of the row is the
 * associated data: a sealed value copied onto another row does not open.
 * Without a configured secret, values are stored as they are, which is also how a sealing service still reads the
 * values stored before it had one.
 */
public final class SealedSecrets {

    public static final String SEALED_PREFIX = "aes256gcm:";
    public static final int MINIMUM_SECRET_LENGTH = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String variable;
    private final String what;
    private final String ifLost;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret   the configured secret, if any
     * @param variable the environment variable that sets it, named in every refusal
     * @param what     what is sealed, e.g. {@code signing key}: named in refusals, and the same secret gives another
     *                 AES key for each
     * @param ifLost   what an operator can do if the secret the values were sealed with is lost
     */
    public SealedSecrets(Optional<String> secret, String variable, String what, String ifLost) {
        this.variable = variable;
        this.what = what;
        this.ifLost = ifLost;
        this.key = secret.map(value -> deriveKey(value, variable, what)).orElse(null);
    }

    public boolean seals() {
        return key != null;
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }

    /** The text to store for the row {@code id}: sealed when a secret is set, the value itself otherwise. */
    public String seal(String id, String value) {
        if (key == null) {
            return value;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, id, nonce, value.getBytes(StandardCharsets.UTF_8));
        return SEALED_PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ciphertext.length)
                .put(nonce).put(ciphertext).array());
    }

    /** The value back from what {@link #seal} stored for the row {@code id}, sealed or not. */
    public String open(String id, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("The " + what + " " + id + " is sealed, but " + variable + " is not set: start with the secret it "
                    + "was sealed with");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(crypt(Cipher.DECRYPT_MODE, id, nonce, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, String id, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The " + what + " " + id + " does not open with this " + variable + ": it was sealed with another "
                    + "secret, or for another row. Start with the secret it was sealed with; or, " + ifLost, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A plain hash is enough to derive the AES key because the secret is required to be long and random (a generated
     * one, as {@code ./suite} makes); a slow password hash would only protect a guessable secret.
     */
    private static SecretKeySpec deriveKey(String secret, String variable, String what) {
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException(variable + " must be at least " + MINIMUM_SECRET_LENGTH
                    + " characters of random data (e.g. openssl rand -hex 32)");
        }
        return new SecretKeySpec(Sha256.digest("ai-startup-program/" + what + "/v1\0" + secret), "AES");
    }
}
