package org.stationf.aiprogram.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The services trust one issuer, the gateway, and read roles from {@code groups}: an external provider's token is
 * therefore exchanged at the gateway for one the gateway signs, with the same subject, roles (read from
 * OIDC_ROLES_CLAIM) and partner, expiring with the external token (at the latest after TOKEN_LIFETIME, so key rotation
 * keeps covering it). The services never need to know the provider. One exchange per external token while it lasts:
 * signing costs a millisecond, and the proxy calls this for every request.
 */
@ApplicationScoped
public class ExternalTokenExchange {

    /** An exchanged token is renewed this long before it expires, so none expires between the gateway and a service. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    @Inject
    TokenIssuer issuer;

    @Inject
    Clock clock;

    private final Cache<String, TokenIssuer.IssuedToken> exchanged = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfter(Expiry.<String, TokenIssuer.IssuedToken>creating((token, issued) ->
                    Duration.ofSeconds(Math.max(0, issued.expiresIn() - RENEW_BEFORE.toSeconds()))))
            .build();

    /** The token to send upstream for a verified external token: the gateway's own equivalent. */
    public String forServices(VerifiedToken external) {
        return exchanged.get(external.raw(), raw -> {
            Instant expires = external.expiresAt().isAfter(clock.instant()) ? external.expiresAt() : clock.instant();
            return issuer.issue(external.subject(), List.copyOf(external.roles()), external.partner(), null, expires);
        }).accessToken();
    }
}
