package org.stationf.aiprogram.gateway.identity;

import org.jose4j.jwt.JwtClaims;

import java.time.Instant;
import java.util.Set;

/** A token whose signature, issuer, expiry and revocation were checked; external: from the configured OIDC provider. */
public record VerifiedToken(String raw, JwtClaims claims, String subject, Set<String> roles, String partner, String clientId,
                            String jti, Instant expiresAt, boolean external) {

    /** Who the rate limit counts against: the client, else the subject. */
    public String rateLimitKey() {
        return clientId != null ? "client:" + clientId : "subject:" + subject;
    }

    /** Tokens are revoked by their id: the gateway's all have one, an external provider's may not. */
    public boolean revocable() {
        return jti != null;
    }
}
