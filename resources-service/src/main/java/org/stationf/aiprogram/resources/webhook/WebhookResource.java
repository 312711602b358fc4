package org.stationf.aiprogram.resources.webhook;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/webhooks/deliveries")
@Tag(name = "Webhooks", description = "Grant events POSTed to partners, signed (headers webhook-id, webhook-timestamp, "
        + "webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), as in Standard Webhooks)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(UUID id, String partner, UUID eventId, String eventType, String status, int attempts,
                               Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.partner, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt, d.lastStatus,
                    d.lastError, d.deliveredAt, d.createdAt);
        }
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Webhook deliveries and their status", description = "A partner sees its own.")
    public List<DeliveryView> list(
            @Parameter(description = "Only this partner's (admins; a partner always sees its own)", example = "SCALEWAY") @QueryParam("partner") String partner,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "FAILED"}))
            @QueryParam("status") String status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        String scope = caller.isAdmin() ? partner : caller.requirePartner();
        if (scope != null && !scope.isBlank()) {
            query.append(" and partner = :partner");
            parameters.put("partner", scope.trim().toUpperCase());
        }
        if (status != null && !status.isBlank()) {
            String wanted = status.trim().toUpperCase();
            if (!List.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED).contains(wanted)) {
                throw ProblemException.invalid("status", "must be one of [PENDING, DELIVERED, FAILED]");
            }
            query.append(" and status = :status");
            parameters.put("status", wanted);
        }
        return WebhookDelivery.<WebhookDelivery>list(query.toString(), Sort.by("createdAt").descending().and("id"), parameters)
                .stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("/{id}/redeliver")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Deliver again", description = "Puts the delivery back in the queue, now, with a fresh count of attempts.")
    @APIResponse(responseCode = "200", description = "The delivery, sent again")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public DeliveryView redeliver(@PathParam("id") UUID id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null) {
            throw ProblemException.notFound("Webhook delivery", id);
        }
        delivery.status = WebhookDelivery.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = clock.instant();
        return DeliveryView.of(delivery);
    }
}
