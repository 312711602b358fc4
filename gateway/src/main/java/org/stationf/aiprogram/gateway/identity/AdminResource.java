package org.stationf.aiprogram.gateway.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.SecretRotations;
import org.stationf.aiprogram.gateway.GatewayApi;

import java.net.URI;
import java.util.List;

@Path("/admin")
@Tag(name = "Gateway administration", description = "OAuth2 clients and signing keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = GatewayApi.BEARER_SCHEME, scopes = Roles.ADMIN)
@SecurityRequirement(name = GatewayApi.SECURITY_SCHEME)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token is not an admin's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {

    @Inject
    ClientService clients;

    @Inject
    SigningKeys keys;

    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClient", summary = "Create a client", description = "For a partner system (roles [partner] and its partner code), a reviewer "
            + "(roles [reviewer], subject = the reviewer's account id) or an admin tool. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Created, with its secret", content = @Content(schema = @Schema(implementation = ClientService.ClientView.class)),
            headers = @Header(name = "Location", description = "The new client: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. an unknown role or a partner client without its partner code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ClientService.ClientRequest request) {
        ClientService.ClientView created = clients.create(request);
        return Response.created(URI.create("/admin/clients/" + created.clientId())).entity(created).build();
    }

    @GET
    @Path("/clients")
    @Operation(operationId = "listClients", summary = "List clients", description = "The OAuth2 clients, active and revoked, oldest first, "
            + "a page at a time; a partner's only, or only active or revoked ones, when asked. Secrets are stored hashed and never shown again.")
    @APIResponse(responseCode = "200", description = "One page of clients, without secrets, with the total count")
    @APIResponse(responseCode = "400", description = "A bad partner, status or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClientService.ClientView> list(
            @Parameter(description = "Only this partner's clients", example = "SCALEWAY") @QueryParam("partner") String partner,
            @Parameter(description = "Only clients in this state", schema = @Schema(type = SchemaType.STRING, enumeration = {ApiClient.ACTIVE, ApiClient.REVOKED}))
            @QueryParam("status") String status,
            @BeanParam PageRequest pageRequest) {
        return clients.list(partner, status, pageRequest.page(), pageRequest.size());
    }

    @GET
    @Path("/clients/{clientId}")
    @Operation(operationId = "getClient", summary = "Read a client", description = "Its roles, partner, status and when its secret "
            + "was last rotated; never the secret.")
    @APIResponse(responseCode = "200", description = "The client, without its secret")
    @APIResponse(responseCode = "404", description = "No such client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientService.ClientView get(@PathParam("clientId") String clientId) {
        return clients.get(clientId);
    }

    @POST
    @Path("/clients/{clientId}/secret")
    @Operation(operationId = "rotateClientSecret", summary = "Rotate a client's secret", description = "The old secret stops working at once, as it must "
            + "when it may have leaked; tokens already issued stay valid until they expire. For a planned rotation, keepPreviousFor keeps the old secret "
            + "getting tokens too for that long, so the partner's system switches to the new one without a moment where neither works.")
    @APIResponse(responseCode = "200", description = "The client with its new secret, shown this once")
    @APIResponse(responseCode = "400", description = SecretRotations.INVALID_KEEP_PREVIOUS_FOR,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The client is revoked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientService.ClientView rotate(@PathParam("clientId") String clientId,
                                           @Parameter(description = ClientService.KEEP_PREVIOUS_FOR_DESCRIPTION, example = "PT24H", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                                           @QueryParam(SecretRotations.KEEP_PREVIOUS_FOR) String keepPreviousFor) {
        return clients.rotate(clientId, keepPreviousFor);
    }

    @POST
    @Path("/clients/{clientId}/revoke")
    @Operation(operationId = "revokeClient", summary = "Revoke a client", description = "No new tokens, and its current tokens are refused from now on.")
    @APIResponse(responseCode = "200", description = "The client, revoked")
    @APIResponse(responseCode = "404", description = "No such client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientService.ClientView revoke(@PathParam("clientId") String clientId) {
        return clients.revoke(clientId);
    }

    @GET
    @Path("/keys")
    @Operation(operationId = "listSigningKeys", summary = "Signing keys and their status", description = "The key signing new tokens, "
            + "the retiring ones still published at the JWKS endpoint until the tokens they signed expire, and the next one.")
    @APIResponse(responseCode = "200", description = "The signing keys and their status")
    public List<SigningKeyView> keys() {
        return keys.all().stream().map(SigningKeyView::of).toList();
    }

    @POST
    @Path("/keys/rotate")
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the signing key", description = "The published next key starts signing; the current one is kept in the "
            + "JWKS until its last token has expired, so no live token breaks.")
    @APIResponse(responseCode = "200", description = "The new signing key")
    public SigningKeyView rotate() {
        return SigningKeyView.of(keys.rotate());
    }
}
