package org.stationf.aiprogram.gateway.identity;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Signs access tokens with the active key: RS256, the key id in the header, roles in groups. */
@ApplicationScoped
public class TokenIssuer {

    public record IssuedToken(String accessToken, long expiresIn, String scope) {
    }

    @Inject
    SigningKeys keys;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    public IssuedToken issue(String subject, List<String> roles, String partner, String clientId) {
        return issue(subject, roles, partner, clientId, null);
    }

    /** A token expiring at {@code notAfter} if that is sooner than the configured lifetime (null: the lifetime). */
    public IssuedToken issue(String subject, List<String> roles, String partner, String clientId, Instant notAfter) {
        Instant now = clock.instant();
        Instant expires = now.plus(config.tokens().lifetime());
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        SigningKeys.Key key = keys.signing();
        JwtClaimsBuilder claims = Jwt.issuer(config.tokens().issuer())
                .subject(subject)
                .upn(subject)
                .groups(Set.copyOf(roles))
                .issuedAt(now)
                .expiresAt(expires)
                .claim("jti", UUID.randomUUID().toString());
        if (partner != null) {
            claims.claim("partner", partner);
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        String token = claims.jws().keyId(key.kid()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key.privateKey());
        return new IssuedToken(token, Duration.between(now, expires).toSeconds(), String.join(" ", roles));
    }
}
