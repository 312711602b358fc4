package org.stationf.aiprogram.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of UTF-8 text: the fingerprints stored instead of a value (refresh tokens, idempotent requests), derived keys. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The digest in lowercase hex, 64 characters. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }
}
