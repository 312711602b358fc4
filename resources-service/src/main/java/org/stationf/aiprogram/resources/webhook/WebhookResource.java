package org.stationf.aiprogram.resources.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/webhooks/deliveries")
@Tag(name = "Webhooks", description = "Grant events, and the sessions booked with a partner's mentors, POSTed to partners, signed (headers webhook-id, webhook-timestamp, "
        + "webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), as in Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    Webhooks webhooks;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listWebhookDeliveries", summary = "Webhook deliveries and their status", description = "Newest first, a page at a time; a partner sees its own. "
            + "A delivered webhook is listed for 30 days (WEBHOOK_DELIVERIES_KEPT_FOR); pending and failed ones until delivered.")
    @APIResponse(responseCode = "200", description = "One page, with the total count")
    @APIResponse(responseCode = "400", description = "A bad partner, status or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WebhookDeliveryView> list(
            @Parameter(description = "Only this partner's (admins; a partner always sees its own)", example = "SCALEWAY") @QueryParam("partner") String partner,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(type = SchemaType.STRING, enumeration = {WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED}))
            @QueryParam("status") String status,
            @BeanParam PageRequest pageRequest) {
        return webhooks.deliveries(partner, status, pageRequest.page(), pageRequest.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getWebhookDelivery", summary = "One webhook delivery", description = "Its status, attempts and the last answer "
            + "the partner's endpoint gave: to follow a redelivery. A partner reads its own deliveries.")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "No such delivery for this caller")
    public WebhookDeliveryView get(@PathParam("id") UUID id) {
        return webhooks.delivery(id);
    }

    @POST
    @Path("/{id}/redeliver")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "redeliverWebhook", summary = "Deliver again", description = "Puts the delivery back in the queue, now, with a fresh count of attempts: "
            + "for a partner whose endpoint was down longer than the retries last. A partner redelivers its own deliveries.")
    @APIResponse(responseCode = "200", description = "The delivery, sent again")
    @APIResponse(responseCode = "404", description = "No such delivery for this caller")
    public WebhookDeliveryView redeliver(@PathParam("id") UUID id) {
        return webhooks.redeliver(id);
    }
}
