package org.stationf.aiprogram.gateway.identity;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer secrets the gateway hands out (client secrets, founders' refresh tokens): 256 random bits, URL-safe, after
 * a prefix that tells what a leaked one is.
 */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String withPrefix(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
