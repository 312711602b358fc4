package org.stationf.aiprogram.gateway.identity;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * How the private half of a signing key is kept in the database: sealed with AES-256-GCM under a key derived from
 * {@code SIGNING_KEY_SECRET}, so that a copy of the database (a dump, a backup, a read-only login) is not enough to
 * forge tokens. The key id is the associated data: a sealed key copied onto another row does not open.
 * Without a secret, keys are stored as plain PKCS#8 (base64), which is what the gateway did before sealing existed and
 * what it still reads.
 */
final class PrivateKeySeal {

    static final String SEALED_PREFIX = "aes256gcm:";
    static final int MINIMUM_SECRET_LENGTH = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds the derived key to this one use, so the same secret reused elsewhere does not give the same AES key. */
    private static final String KEY_CONTEXT = "ai-startup-program/gateway/signing-key-seal/v1\0";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    PrivateKeySeal(Optional<String> secret) {
        this.key = secret.map(PrivateKeySeal::deriveKey).orElse(null);
    }

    boolean seals() {
        return key != null;
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }

    /** The text to store for this key's PKCS#8 encoding: sealed when a secret is set, plain base64 otherwise. */
    String seal(String kid, byte[] pkcs8) {
        if (key == null) {
            return Base64.getEncoder().encodeToString(pkcs8);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, kid, nonce, pkcs8);
        return SEALED_PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ciphertext.length)
                .put(nonce).put(ciphertext).array());
    }

    /** The PKCS#8 encoding back from what {@link #seal} stored, sealed or plain. */
    byte[] open(String kid, String stored) {
        if (!isSealed(stored)) {
            return Base64.getDecoder().decode(stored);
        }
        if (key == null) {
            throw new IllegalStateException("Signing key " + kid + " is sealed, but SIGNING_KEY_SECRET is not set: "
                    + "start the gateway with the secret it was sealed with");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return crypt(Cipher.DECRYPT_MODE, kid, nonce, ciphertext);
    }

    private byte[] crypt(int mode, String kid, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Signing key " + kid + " does not open with this SIGNING_KEY_SECRET: it was "
                    + "sealed with another secret, or for another key id. Start with the secret it was sealed with; or, to "
                    + "start over with new keys (every token issued so far stops working), DELETE FROM signing_key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A plain hash is enough to derive the AES key because the secret is required to be long and random (a generated
     * one, as {@code ./suite} makes); a slow password hash would only protect a guessable secret.
     */
    private static SecretKeySpec deriveKey(String secret) {
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("SIGNING_KEY_SECRET must be at least " + MINIMUM_SECRET_LENGTH
                    + " characters of random data (e.g. openssl rand -hex 32)");
        }
        try {
            byte[] material = MessageDigest.getInstance("SHA-256")
                    .digest((KEY_CONTEXT + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(material, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
