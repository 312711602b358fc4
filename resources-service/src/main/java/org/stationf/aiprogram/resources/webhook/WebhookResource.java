package org.stationf.aiprogram.resources.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/webhooks/deliveries")
@Tag(name = "Webhooks", description = "Grant events POSTed to partners, signed (headers webhook-id, webhook-timestamp, "
        + "webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), as in Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    Webhooks webhooks;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Webhook deliveries and their status", description = "A partner sees its own.")
    public List<WebhookDeliveryView> list(
            @Parameter(description = "Only this partner's (admins; a partner always sees its own)", example = "SCALEWAY") @QueryParam("partner") String partner,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(type = SchemaType.STRING, enumeration = {WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED}))
            @QueryParam("status") String status) {
        return webhooks.deliveries(partner, status);
    }

    @POST
    @Path("/{id}/redeliver")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Deliver again", description = "Puts the delivery back in the queue, now, with a fresh count of attempts.")
    @APIResponse(responseCode = "200", description = "The delivery, sent again")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public WebhookDeliveryView redeliver(@PathParam("id") UUID id) {
        return webhooks.redeliver(id);
    }
}
