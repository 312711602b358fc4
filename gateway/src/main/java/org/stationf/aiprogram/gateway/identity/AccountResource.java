package org.stationf.aiprogram.gateway.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.gateway.GatewayApi;

import java.net.URI;

@Path("/auth")
@Tag(name = "Founder accounts", description = "Sign-up and login for startups, giving applicant tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class AccountResource {

    @Inject
    ApplicantAccounts accounts;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenVerifier verifier;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/signup")
    @LimitedPerAddress(LimitedPerAddress.Limit.SIGN_UPS)
    @Operation(operationId = "signUp", summary = "Create a founder account", description = "Returns an applicant token and a refresh token, as a login would.")
    @APIResponse(responseCode = "201", description = "Account created", content = @Content(schema = @Schema(implementation = TokenResource.TokenResponse.class)),
            headers = @Header(name = "Location", description = "The account: /auth/me, where its founder reads it with the token answered",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The email has an account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many accounts created from this address: wait Retry-After seconds")
    public Response signUp(@Valid @NotNull ApplicantAccounts.SignUp request) {
        return Response.created(URI.create("/auth/me")).entity(TokenResource.TokenResponse.of(accounts.signUp(request)))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/login")
    @LimitedPerAddress(LimitedPerAddress.Limit.FAILED_CREDENTIALS)
    @Operation(operationId = "logIn", summary = "Log in as a founder", description = "Returns an applicant token for an hour (TOKEN_LIFETIME) and a refresh "
            + "token that renews it at POST /oauth/token (grant_type=refresh_token), each refresh token once, for 14 days "
            + "(REFRESH_TOKEN_LIFETIME) after it was issued.")
    @APIResponse(responseCode = "200", description = "An applicant token and its refresh token", content = @Content(schema = @Schema(implementation = TokenResource.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong credentials from this address: wait Retry-After seconds")
    public Response login(@Valid @NotNull ApplicantAccounts.Login request) {
        return Response.ok(TokenResource.TokenResponse.of(accounts.login(request))).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.APPLICANT)
    @SecurityRequirement(name = GatewayApi.BEARER_SCHEME, scopes = Roles.APPLICANT)
    @Operation(operationId = "getFounderAccount", summary = "The calling founder's account", description = "Who is logged in: email and name, "
            + "which the founder's tokens do not carry.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = ApplicantAccounts.AccountView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a founder's token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The token's subject has no founder account here (e.g. an external provider's applicant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicantAccounts.AccountView me() {
        return accounts.account(callerSubject());
    }

    @POST
    @Path("/password")
    @RolesAllowed(Roles.APPLICANT)
    @LimitedPerAddress(LimitedPerAddress.Limit.FAILED_CREDENTIALS)
    @SecurityRequirement(name = GatewayApi.BEARER_SCHEME, scopes = Roles.APPLICANT)
    @Operation(operationId = "changePassword", summary = "Change a founder's password", description = "With the current password. Every login of the "
            + "account ends (its refresh tokens are refused from now on; access tokens already issued expire within TOKEN_LIFETIME), and the "
            + "answer is a new login for the caller, as POST /auth/login gives. Wrong current passwords count against the address's limit as "
            + "wrong logins do.")
    @APIResponse(responseCode = "200", description = "Changed: a new applicant token and refresh token", content = @Content(schema = @Schema(implementation = TokenResource.TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "The current password is wrong (problem type wrong-password, naming currentPassword), or the new one "
            + "is too short", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a founder's token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The token's subject has no founder account here (e.g. an external provider's applicant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong credentials from this address: wait Retry-After seconds")
    public Response changePassword(@Valid @NotNull ApplicantAccounts.PasswordChange request) {
        return Response.ok(TokenResource.TokenResponse.of(accounts.changePassword(callerSubject(), request))).header("Cache-Control", "no-store").build();
    }

    private String callerSubject() {
        return ((JsonWebToken) identity.getPrincipal()).getSubject();
    }

    /** Named as in the token answer it comes from, so a validation error names the field the caller sent. */
    @Schema(name = "Logout")
    public record Logout(@Schema(example = "rt_Jx3v9kQm0aLwT2pZc8Yb5nHf1sDe7uRi4oGk6tVq2Ns") @NotBlank @Size(max = 200) String refresh_token) {
    }

    @POST
    @Path("/logout")
    @Operation(operationId = "logOut", summary = "Log out a founder", description = "Revokes the login the refresh token belongs to: none of its refresh tokens "
            + "works any more. Send the access token as the bearer token too, and it is refused from now on as well; without it, "
            + "the access token in hand stays valid until it expires.")
    @APIResponse(responseCode = "204", description = "Logged out (also answered for tokens that were not valid anyway)")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = GatewayApi.BEARER_SCHEME))
    public void logout(@Valid @NotNull Logout request, @HeaderParam("Authorization") String authorization) {
        refreshTokens.logOut(request.refresh_token(), validBearerToken(authorization));
    }

    /** Whoever holds a valid token may revoke it (as at /oauth/revoke); a token that is not valid needs no revoking. */
    private VerifiedToken validBearerToken(String authorization) {
        String token = GatewayTokenMechanism.bearerToken(authorization);
        try {
            return token == null ? null : verifier.verify(token);
        } catch (InvalidTokenException e) {
            return null;
        }
    }
}
