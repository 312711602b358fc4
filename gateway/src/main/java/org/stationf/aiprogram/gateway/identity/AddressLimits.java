package org.stationf.aiprogram.gateway.identity;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.gateway.routing.RateLimiter;

/**
 * Keeps one address from abusing the operations anyone may call ({@link LimitedPerAddress}), each costing a bcrypt
 * hash or comparison. Wrong client secrets and passwords: an attempt takes a token of the address's bucket when it
 * arrives (so parallel guesses cannot all pass before the first is found wrong) and gets it back when the credentials
 * were right, so only wrong ones count; with the bucket empty the address gets a 429 before anything is compared.
 * Sign-ups: every account created takes a token.
 */
@Provider
public class AddressLimits implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ATTEMPT_TAKEN = AddressLimits.class.getName() + ".attemptTaken";

    @Context
    ResourceInfo resource;

    @Inject
    RoutingContext routing;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        LimitedPerAddress limited = limitOf();
        if (limited == null) {
            return;
        }
        String address = RateLimiter.addressOf(routing);
        RateLimiter.Decision decision = switch (limited.value()) {
            case FAILED_CREDENTIALS -> limiter.takeCredentialAttempt(address);
            case SIGN_UPS -> limiter.takeSignUp(address);
        };
        if (!decision.allowed()) {
            throw decision.refusal(limited.value().tooMany);
        }
        request.setProperty(ATTEMPT_TAKEN, limited.value());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ATTEMPT_TAKEN) == LimitedPerAddress.Limit.FAILED_CREDENTIALS && !credentialsRefused(response)) {
            limiter.refundCredentialAttempt(RateLimiter.addressOf(routing));
        }
    }

    /** A wrong client secret or password (401), or a founder's wrong current password when changing it. */
    private static boolean credentialsRefused(ContainerResponseContext response) {
        return response.getStatus() == 401 || response.getEntity() instanceof Problem problem && problem.is(ApplicantAccounts.WRONG_PASSWORD);
    }

    private LimitedPerAddress limitOf() {
        return resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(LimitedPerAddress.class);
    }
}
