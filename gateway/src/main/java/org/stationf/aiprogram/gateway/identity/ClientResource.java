package org.stationf.aiprogram.gateway.identity;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.SecretRotations;
import org.stationf.aiprogram.gateway.GatewayApi;

/**
 * A client of the gateway (a partner's system, a reviewer's or an admin's tool) looks at itself and rotates its own
 * secret on its own schedule, without waiting for an admin.
 */
@Path("/auth/client")
@Tag(name = "Client credentials", description = "The calling client, and the rotation of its own secret")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = GatewayApi.BEARER_SCHEME)
@SecurityRequirement(name = GatewayApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token was not issued to a client of the gateway (a founder's, or an external provider's)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClientResource {

    @Inject
    ClientService clients;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "getOwnClient", summary = "The calling client", description = "Its roles, partner, status, when its secret was "
            + "last rotated and until when the one it replaced still gets tokens; never the secret.")
    @APIResponse(responseCode = "200", description = "The client, without its secret")
    public ClientService.ClientView get() {
        return clients.get(callerClientId());
    }

    @POST
    @Path("/secret")
    @Operation(operationId = "rotateOwnClientSecret", summary = "Rotate the calling client's own secret", description = "As an admin would: "
            + "without keepPreviousFor the old secret stops getting tokens at once (it may have leaked); with it, it keeps getting them that long "
            + "(at most P7D), so every instance of the calling system can switch to the new one first. Tokens already issued stay valid until they expire.")
    @APIResponse(responseCode = "200", description = "The client with its new secret, shown this once")
    @APIResponse(responseCode = "400", description = SecretRotations.INVALID_KEEP_PREVIOUS_FOR,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientService.ClientView rotate(@Parameter(description = ClientService.KEEP_PREVIOUS_FOR_DESCRIPTION, example = "PT24H", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                                           @QueryParam(SecretRotations.KEEP_PREVIOUS_FOR) String keepPreviousFor) {
        return clients.rotate(callerClientId(), keepPreviousFor);
    }

    /** Only the gateway's own tokens name a client of it: an external provider's client_id claim names one of the provider's. */
    private String callerClientId() {
        VerifiedToken token = identity.getAttribute(GatewayIdentityProvider.VERIFIED_TOKEN);
        String clientId = token.clientId();
        if (clientId == null || token.external()) {
            throw ProblemException.forbidden("This token was not issued to a client of the gateway: founders change their password at "
                    + "POST /auth/password, and an external provider's clients are managed there");
        }
        return clientId;
    }
}
