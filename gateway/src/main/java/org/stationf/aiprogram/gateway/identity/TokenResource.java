package org.stationf.aiprogram.gateway.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.gateway.GatewayApi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

@Path("/oauth")
@Tag(name = "OAuth2", description = "Tokens for partner systems and admin tools (client credentials), and the keys to verify them")
@SecurityRequirements
public class TokenResource {

    @Schema(name = "TokenResponse")
    public record TokenResponse(@Schema(name = "access_token", description = "An RS256 JWT; send it as Authorization: Bearer <token>",
                                        example = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJzdWIiOiJjbC0wNmZjZjk1My01ZWZmIn0.c2lnbmF0dXJl")
                                String access_token, @Schema(example = "Bearer") String token_type,
                                @Schema(example = "3600") long expires_in,
                                @Schema(description = "The token's roles, space-separated", example = "partner") String scope,
                                @Schema(name = "refresh_token", nullable = true, description = "Founders only: trade it at POST /oauth/token "
                                        + "(grant_type=refresh_token) for new tokens, once; absent for clients",
                                        example = "rt_Jx3v9kQm0aLwT2pZc8Yb5nHf1sDe7uRi4oGk6tVq2Ns")
                                @JsonInclude(JsonInclude.Include.NON_NULL) String refresh_token) {
        static TokenResponse of(TokenIssuer.IssuedToken token) {
            return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn(), token.scope(), null);
        }

        static TokenResponse of(RefreshTokens.FounderTokens tokens) {
            TokenIssuer.IssuedToken access = tokens.access();
            return new TokenResponse(access.accessToken(), "Bearer", access.expiresIn(), access.scope(), tokens.refreshToken());
        }
    }

    @Inject
    ClientService clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @Inject
    TokenVerifier verifier;

    @Inject
    Revocations revocations;

    @Inject
    SecurityIdentity identity;

    @Inject
    RefreshTokens refreshTokens;

    @POST
    @Path("/token")
    @LimitedPerAddress(LimitedPerAddress.Limit.FAILED_CREDENTIALS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Get an access token (OAuth2 client credentials, RFC 6749 §4.4, or a founder's refresh, §6)",
            description = "Clients: send grant_type=client_credentials with client_id and client_secret in the form or in HTTP "
                    + "Basic; the token is an RS256 JWT with the client's roles in groups (and its partner for partner clients). "
                    + "Founders: send grant_type=refresh_token with the refresh_token of their login or last refresh; the answer "
                    + "carries a new access token and a new refresh token, and the one sent cannot be used again (sent again, "
                    + "it ends the login).")
    @APIResponse(responseCode = "200", description = "A bearer token", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Another grant type (error: unsupported_grant_type), a missing refresh_token "
            + "(error: invalid_request), or a refresh token unknown, expired, revoked or already used (error: invalid_grant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Unknown client, wrong secret or revoked client (error: invalid_client)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong credentials from this address: wait Retry-After seconds")
    public Response token(@FormParam("grant_type") @Schema(enumeration = {"client_credentials", "refresh_token"}) String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret, @FormParam("refresh_token") String refreshToken,
                          @HeaderParam("Authorization") String authorization) {
        if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || refreshToken.isBlank()) {
                throw ProblemException.invalid("refresh_token", "is required with grant_type=refresh_token").with("error", "invalid_request");
            }
            return Response.ok(TokenResponse.of(refreshTokens.refresh(refreshToken))).header("Cache-Control", "no-store").build();
        }
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(400, "unsupported-grant-type", "Unsupported grant type",
                    "grant_type must be client_credentials, or refresh_token for a founder's refresh; founders log in at /auth/login")
                    .with("error", "unsupported_grant_type");
        }
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        ApiClient client = clients.authenticate(id, secret).orElseThrow(() ->
                new ProblemException(401, "invalid-client", "Invalid client", "Unknown client, wrong secret, or revoked client")
                        .with("error", "invalid_client").withHeader("WWW-Authenticate", "Basic realm=\"ai-startup-program\""));
        TokenIssuer.IssuedToken token = issuer.issue(client.subject, client.roles, client.partner, client.clientId);
        return Response.ok(TokenResponse.of(token)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "The public keys tokens are signed with (JWKS)", description = "Includes the next key before it signs anything, "
            + "and retired keys until their last token has expired.")
    @APIResponse(responseCode = "200", description = "The key set", content = @Content(schema = @Schema(implementation = JsonWebKeySet.class)))
    public Response jwks() {
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeToken", summary = "Revoke a token (RFC 7009)", description = "By an admin, or by the client the token was issued to "
            + "(with its bearer token). The token is refused from now on, by the gateway, until it expires.")
    @APIResponse(responseCode = "200", description = "Revoked (also answered for a token that was not valid anyway); the status says it all",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, maxProperties = 0, description = "Always {}")))
    @APIResponse(responseCode = "400", description = "No token given, or an external provider's token without an id (jti), which "
            + "only its provider can revoke (error: unsupported_token_type)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither an admin nor the token's own client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = GatewayApi.BEARER_SCHEME)
    @SecurityRequirement(name = GatewayApi.SECURITY_SCHEME)
    @jakarta.transaction.Transactional
    public Response revoke(@FormParam("token") String token) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "is required");
        }
        try {
            VerifiedToken revoked = verifier.verify(token);
            boolean own = revoked.clientId() != null && revoked.clientId().equals(identity.getPrincipal().getName())
                    || revoked.subject().equals(identity.getPrincipal().getName());
            if (!identity.hasRole(Roles.ADMIN) && !own) {
                throw ProblemException.forbidden("Only an admin or the token's own client can revoke it");
            }
            if (!revoked.revocable()) {
                throw new ProblemException(400, "unsupported-token-type", "Token cannot be revoked here", "The token has no id "
                        + "(jti claim), so the gateway cannot refuse it alone: revoke it at its identity provider, " + revoked.claims()
                        .getClaimValueAsString("iss")).with("error", "unsupported_token_type");
            }
            revocations.revokeToken(revoked.jti(), revoked.expiresAt());
        } catch (InvalidTokenException e) {
            // RFC 7009 §2.2: an invalid token needs no revoking; answer 200 all the same.
        }
        return Response.ok(Map.of()).build();
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new ProblemException(401, "invalid-client", "Invalid client", "The Basic credentials cannot be read").with("error", "invalid_client");
        }
    }
}
