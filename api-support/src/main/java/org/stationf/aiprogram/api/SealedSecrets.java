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
 * <p>
 * The secret is rotated by starting with the new one and the old one as the previous secret: values open under
 * either, and {@link #resealed} gives the text to store under the new one, which each service does for all its
 * values at start; once every instance has started so, the previous secret can go.
 */
public final class SealedSecrets {

    public static final String SEALED_PREFIX = "aes256gcm:";
    public static final int MINIMUM_SECRET_LENGTH = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec previousKey;
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
        this(secret, Optional.empty(), variable, what, ifLost);
    }

    /**
     * @param previous the secret values may still be sealed with while {@code secret} replaces it; its variable is
     *                 {@code variable} + {@code _PREVIOUS}
     */
    public SealedSecrets(Optional<String> secret, Optional<String> previous, String variable, String what, String ifLost) {
        this.variable = variable;
        this.what = what;
        this.ifLost = ifLost;
        this.key = secret.map(value -> deriveKey(value, variable, what)).orElse(null);
        this.previousKey = previous.map(value -> deriveKey(value, variable + "_PREVIOUS", what)).orElse(null);
        if (previousKey != null && key == null) {
            throw new IllegalStateException(variable + "_PREVIOUS is set but " + variable + " is not: set " + variable
                    + " to the new secret, and " + variable + "_PREVIOUS to the one it replaces");
        }
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
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, id, nonce).doFinal(value.getBytes(StandardCharsets.UTF_8));
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ciphertext.length)
                    .put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
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
        return opened(id, stored, key)
                .or(() -> previousKey == null ? Optional.empty() : opened(id, stored, previousKey))
                .orElseThrow(() -> new IllegalStateException("The " + what + " " + id + (previousKey == null
                        ? " does not open with this " + variable
                        : " opens neither with this " + variable + " nor with " + variable + "_PREVIOUS")
                        + ": it was sealed with another secret, or for another row. Start with the secret it was sealed with (when "
                        + "replacing that secret, as " + variable + "_PREVIOUS); or, " + ifLost));
    }

    /**
     * What to store instead of {@code stored} so that it is sealed under the current secret: for a value stored as it
     * is, or sealed under the previous secret; empty when it already is, or when no secret is set. Refuses, as
     * {@link #open} does, a value that opens under neither.
     */
    public Optional<String> resealed(String id, String stored) {
        // A value already sealed under the current secret, as most are at most starts, is opened once, by this check;
        // any other goes through open, which refuses one that opens under no secret.
        if (isSealed(stored) && key != null && opened(id, stored, key).isPresent()) {
            return Optional.empty();
        }
        String value = open(id, stored);
        return key == null ? Optional.empty() : Optional.of(seal(id, value));
    }

    /** The value sealed in {@code stored}, or empty when it was sealed under another key or for another row. */
    private static Optional<String> opened(String id, String stored, SecretKeySpec key) {
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        try {
            byte[] value = cipher(Cipher.DECRYPT_MODE, key, id, Arrays.copyOfRange(sealed, 0, NONCE_BYTES))
                    .doFinal(Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
            return Optional.of(new String(value, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The row's id is the associated data: what is sealed for one row does not open for another. */
    private static Cipher cipher(int mode, SecretKeySpec key, String id, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
        return cipher;
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
