package org.stationf.aiprogram.gateway.identity;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.stationf.aiprogram.gateway.routing.RateLimiter;

/**
 * Sign-up is open to anyone and each account costs a bcrypt hash and a row: an address may create a burst of accounts
 * (a campus behind one address on deadline day), then a few an hour, so nobody can fill the database or burn the
 * gateway's CPU with sign-ups.
 */
@Provider
@CreatesAccount
public class SignUpGuard implements ContainerRequestFilter {

    @Inject
    RoutingContext routing;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimiter.Decision decision = limiter.takeSignUp(RateLimiter.addressOf(routing));
        if (!decision.allowed()) {
            throw decision.refusal("Too many sign-ups", "Too many accounts created from this address");
        }
    }
}
