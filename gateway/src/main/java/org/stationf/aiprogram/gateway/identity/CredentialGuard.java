package org.stationf.aiprogram.gateway.identity;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.stationf.aiprogram.gateway.routing.RateLimiter;

/**
 * Makes guessing secrets and passwords slow: every wrong client secret or password costs the caller's address a token
 * of its own bucket, and an address whose bucket is empty gets a 429 before anything is checked, so guessing does not
 * cost the gateway a bcrypt comparison either. The token is taken when the attempt arrives (parallel guesses cannot
 * all pass before the first is found wrong) and given back when the credentials were right, which so cost nothing.
 */
@Provider
@ChecksCredentials
public class CredentialGuard implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ATTEMPT_TAKEN = CredentialGuard.class.getName() + ".attemptTaken";

    @Inject
    RoutingContext routing;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimiter.Decision decision = limiter.takeCredentialAttempt(RateLimiter.addressOf(routing));
        if (!decision.allowed()) {
            throw decision.refusal("Too many failed attempts", "Too many wrong credentials from this address");
        }
        request.setProperty(ATTEMPT_TAKEN, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ATTEMPT_TAKEN) != null && response.getStatus() != 401) {
            limiter.refundCredentialAttempt(RateLimiter.addressOf(routing));
        }
    }
}
