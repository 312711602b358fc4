package org.stationf.aiprogram.gateway.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.Map;

@Path("/admin")
@Tag(name = "Gateway administration", description = "OAuth2 clients and signing keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @Inject
    ClientService clients;

    @Inject
    SigningKeys keys;

    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client", description = "For a partner system (roles [partner] and its partner code), a reviewer "
            + "(roles [reviewer], subject = the reviewer's account id) or an admin tool. The secret is in this answer only.")
    public Response create(@Valid @NotNull ClientService.ClientRequest request) {
        return Response.status(201).entity(clients.create(request)).build();
    }

    @GET
    @Path("/clients")
    @Operation(summary = "List clients")
    public List<ClientService.ClientView> list() {
        return clients.list();
    }

    @GET
    @Path("/clients/{clientId}")
    @Operation(summary = "Read a client")
    public ClientService.ClientView get(@PathParam("clientId") String clientId) {
        return clients.get(clientId);
    }

    @POST
    @Path("/clients/{clientId}/secret")
    @Operation(summary = "Rotate a client's secret", description = "The old secret stops working; tokens already issued stay valid until they expire.")
    public ClientService.ClientView rotate(@PathParam("clientId") String clientId) {
        return clients.rotate(clientId);
    }

    @POST
    @Path("/clients/{clientId}/revoke")
    @Operation(summary = "Revoke a client", description = "No new tokens, and its current tokens are refused from now on.")
    public ClientService.ClientView revoke(@PathParam("clientId") String clientId) {
        return clients.revoke(clientId);
    }

    @GET
    @Path("/keys")
    @Operation(summary = "Signing keys and their status")
    public List<Map<String, Object>> keys() {
        return keys.all().stream().map(keys::describe).toList();
    }

    @POST
    @Path("/keys/rotate")
    @Operation(summary = "Rotate the signing key", description = "The published next key starts signing; the current one is kept in the "
            + "JWKS until its last token has expired, so no live token breaks.")
    public Map<String, Object> rotate() {
        return keys.describe(keys.rotate());
    }
}
