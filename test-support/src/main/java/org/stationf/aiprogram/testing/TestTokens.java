package org.stationf.aiprogram.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens signed with the test key, as the gateway signs real ones. Services under test verify them
 * against {@code test-keys/publicKey.pem}.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:ai-startup-program:gateway";

    private TestTokens() {
    }

    public static String admin() {
        return token("admin-1", Set.of("admin"));
    }

    public static String applicant(String accountId) {
        return token(accountId, Set.of("applicant"));
    }

    public static String reviewer(String reviewerId) {
        return token(reviewerId, Set.of("reviewer"));
    }

    public static String partner(String partner) {
        return claims("partner-" + partner.toLowerCase(), Set.of("partner"), Duration.ofMinutes(30))
                .claim("partner", partner)
                .sign(key("test-keys/privateKey.pem"));
    }

    public static String token(String subject, Set<String> roles) {
        return claims(subject, roles, Duration.ofMinutes(30)).sign(key("test-keys/privateKey.pem"));
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, Set<String> roles) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(31));
        return Jwt.issuer(ISSUER).subject(subject).groups(roles).issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(30)))
                .sign(key("test-keys/privateKey.pem"));
    }

    /** A token from another issuer (an external identity provider), signed with the test key. */
    public static String fromIssuer(String issuer, String subject, Set<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).subject(subject).groups(roles).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(30)))
                .jws().keyId("test-key").sign(key("test-keys/privateKey.pem"));
    }

    /** A token an external identity provider issued to one of its own clients, named in {@code client_id} as some providers do. */
    public static String fromIssuerToClient(String issuer, String clientId, Set<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).subject("service-account-" + clientId).groups(roles).claim("client_id", clientId)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(30))).jws().keyId("test-key").sign(key("test-keys/privateKey.pem"));
    }

    /** A token from an external identity provider that, as some do, gives its tokens no id ({@code jti}). */
    public static String fromIssuerWithoutId(String issuer, String subject, Set<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(30);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key("test-keys/privateKey.pem"));
        signature.setKeyIdHeaderValue("test-key");
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String signedByUnknownKey(String subject, Set<String> roles) {
        return claims(subject, roles, Duration.ofMinutes(30)).sign(key("test-keys/unknownPrivateKey.pem"));
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(roles).issuedAt(now).expiresAt(now.plus(lifetime));
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read test key " + location, e);
        }
    }
}
