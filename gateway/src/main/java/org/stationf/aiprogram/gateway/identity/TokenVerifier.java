package org.stationf.aiprogram.gateway.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks bearer tokens: signed RS256 by one of the gateway's published keys (or by the configured external OIDC
 * provider), from the expected issuer, not expired, not revoked, from a client that is not revoked.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    SigningKeys keys;

    @Inject
    Revocations revocations;

    @Inject
    GatewayConfig config;

    @Inject
    java.time.Clock clock;

    /** Tokens whose signature and claims were checked, until they expire: revocation is still checked on every use. */
    private final com.github.benmanes.caffeine.cache.Cache<String, VerifiedToken> verified = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    private JwtConsumer own;
    private JwtConsumer external;
    private String externalIssuer;
    private final JwtConsumer peek = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
            .setSkipSignatureVerification().build();

    @PostConstruct
    void init() {
        own = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(config.tokens().issuer())
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> {
                    Key key = keys.publicKey(jws.getKeyIdHeaderValue());
                    if (key == null) {
                        throw new UnresolvableKeyException("the token is signed by an unknown key (" + jws.getKeyIdHeaderValue() + ")");
                    }
                    return key;
                })
                .build();
        if (config.oidc().issuer().isPresent() && config.oidc().jwksUrl().isPresent()) {
            externalIssuer = config.oidc().issuer().get();
            external = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(externalIssuer)
                    .setSkipDefaultAudienceValidation()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(config.oidc().jwksUrl().get())))
                    .build();
        }
    }

    /** Whether checking this token may block (fetching an external provider's keys): then call it off the event loop. */
    public boolean mayBlock(String token) {
        return external != null && externalIssuer.equals(issuerOf(token));
    }

    public VerifiedToken verify(String token) throws InvalidTokenException {
        VerifiedToken cached = verified.getIfPresent(token);
        if (cached != null) {
            if (!cached.expiresAt().isAfter(clock.instant())) {
                verified.invalidate(token);
                throw new InvalidTokenException("the token has expired");
            }
            checkRevocations(cached.jti(), cached.clientId());
            return cached;
        }
        VerifiedToken checked = verifySignatureAndClaims(token);
        verified.put(token, checked);
        return checked;
    }

    private void checkRevocations(String jti, String clientId) throws InvalidTokenException {
        if (revocations.tokenRevoked(jti)) {
            throw new InvalidTokenException("the token was revoked");
        }
        if (revocations.clientRevoked(clientId)) {
            throw new InvalidTokenException("the client " + clientId + " was revoked");
        }
    }

    private VerifiedToken verifySignatureAndClaims(String token) throws InvalidTokenException {
        JwtConsumer consumer = external != null && externalIssuer.equals(issuerOf(token)) ? external : own;
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(reason(e));
        }
        try {
            String jti = claims.getJwtId();
            String clientId = claims.getClaimValueAsString("client_id");
            checkRevocations(jti, clientId);
            Set<String> roles = rolesIn(claims, consumer == external ? config.oidc().rolesClaim() : "groups");
            NumericDate expires = claims.getExpirationTime();
            return new VerifiedToken(token, claims, claims.getSubject(), roles, claims.getClaimValueAsString("partner"),
                    clientId, jti, Instant.ofEpochSecond(expires.getValue()), consumer == external);
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("malformed claim: " + e.getMessage());
        }
    }

    /**
     * The roles in a claim: a list, or one space- or comma-separated string. A claim absent under its full name is
     * looked for as a dotted path in nested objects, as providers nest roles (Keycloak: realm_access.roles).
     */
    static Set<String> rolesIn(JwtClaims claims, String claim) {
        Object value = claims.getClaimValue(claim);
        if (value == null) {
            value = claims.getClaimsMap();
            for (String name : claim.split("\\.")) {
                value = value instanceof Map<?, ?> object ? object.get(name) : null;
            }
        }
        Set<String> roles = new HashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        } else if (value instanceof String names && !names.isBlank()) {
            roles.addAll(List.of(names.trim().split("[ ,]+")));
        }
        return Set.copyOf(roles);
    }

    private String issuerOf(String token) {
        try {
            JwtContext context = peek.process(token);
            return context.getJwtClaims().getIssuer();
        } catch (Exception e) {
            return null;
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "the token has expired";
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof UnresolvableKeyException) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        if (e.getErrorDetails() != null && !e.getErrorDetails().isEmpty()) {
            String detail = e.getErrorDetails().get(0).getErrorMessage();
            if (detail.contains("signature")) {
                return "the token's signature is invalid";
            }
            if (detail.contains("iss")) {
                return "the token is not from a trusted issuer";
            }
            return "the token is invalid: " + detail;
        }
        return "the token is not a valid JWT";
    }
}
