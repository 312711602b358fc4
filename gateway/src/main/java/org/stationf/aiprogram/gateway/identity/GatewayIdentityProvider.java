package org.stationf.aiprogram.gateway.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a verified token into the caller's identity: the JWT as principal, its groups as roles, and the
 * {@link VerifiedToken} itself as an attribute, for what the verifier found out (whose token it is: the gateway's or
 * the external provider's, and which client of the gateway's it was issued to).
 */
@ApplicationScoped
public class GatewayIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity's attribute holding its {@link VerifiedToken}. */
    public static final String VERIFIED_TOKEN = VerifiedToken.class.getName();

    @Inject
    TokenVerifier verifier;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (verifier.mayBlock(token)) {
            return context.runBlocking(() -> identity(token));
        }
        try {
            return Uni.createFrom().item(identity(token));
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private SecurityIdentity identity(String token) {
        try {
            VerifiedToken verified = verifier.verify(token);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new DefaultJWTCallerPrincipal(token, verified.claims()))
                    .addRoles(verified.roles())
                    .addCredential(new TokenCredential(token, "bearer"))
                    .addAttribute(VERIFIED_TOKEN, verified)
                    .build();
        } catch (InvalidTokenException e) {
            throw new AuthenticationFailedException(e.getMessage());
        }
    }
}
