package org.stationf.aiprogram.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway is told: its routes, resilience, limits, tokens and identity providers. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Route> routes();

    Breaker breaker();

    RateLimit rateLimit();

    Tokens tokens();

    BootstrapAdmin bootstrapAdmin();

    Oidc oidc();

    interface Route {
        /** Public path prefixes this route serves, e.g. /api/calls. */
        List<String> prefixes();

        /** Removed from the path before it is forwarded, e.g. /api. */
        @WithDefault("/api")
        String stripPrefix();

        /** The upstream's base URL, e.g. http://127.0.0.1:8081. */
        String upstream();

        /** Longest wait for the upstream's answer to start (and between its bytes). */
        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Retries of GET, HEAD and OPTIONS when the upstream could not be reached. */
        @WithDefault("2")
        int retries();
    }

    interface Breaker {
        /** Consecutive failures (unreachable, timeout, 502-504) that open an upstream's circuit. */
        @WithDefault("5")
        int maxFailures();

        /** How long an open circuit answers 503 at once before letting one request try again. */
        @WithDefault("PT10S")
        Duration resetTimeout();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per minute per client (per address without a token). */
        @WithDefault("600")
        long requestsPerMinute();

        /** Requests a client may make at once on top of the sustained rate. */
        @WithDefault("100")
        long burst();

        /** Wrong client secrets or passwords an address may send in a row before it must wait (then 429). */
        @WithDefault("10")
        long failedCredentialsBurst();

        /** How many more wrong credentials an address is allowed per minute once it has used its burst. */
        @WithDefault("10")
        long failedCredentialsPerMinute();

        /** Founders' accounts an address may create at once (each costs a bcrypt hash). */
        @WithDefault("20")
        long signUpsBurst();

        /** How many more accounts an address may create per hour once it has used its burst. */
        @WithDefault("60")
        long signUpsPerHour();
    }

    interface Tokens {
        @WithDefault("urn:ai-startup-program:gateway")
        String issuer();

        @WithDefault("PT1H")
        Duration lifetime();

        /** How long a founder's refresh token can be traded for new tokens after it was issued. */
        @WithDefault("P14D")
        Duration refreshLifetime();

        /**
         * Seals the signing keys' private halves in the database (AES-256-GCM); at least 32 characters of random data.
         * Without it they are stored unencrypted, with a warning at every start.
         */
        Optional<String> keyEncryptionSecret();

        /**
         * The secret {@link #keyEncryptionSecret()} replaces, while it is being rotated: keys sealed with it still open,
         * and are sealed again with the new one at start.
         */
        Optional<String> previousKeyEncryptionSecret();
    }

    interface BootstrapAdmin {
        @WithDefault("admin")
        String clientId();

        /** If unset, a random secret is generated at the first start and printed once in the log. */
        Optional<String> clientSecret();
    }

    /** An external OpenID Connect provider whose tokens are accepted as well. */
    interface Oidc {
        Optional<String> issuer();

        Optional<String> jwksUrl();

        /** The claim holding the roles (admin, reviewer, applicant, partner). */
        @WithDefault("groups")
        String rolesClaim();
    }
}
