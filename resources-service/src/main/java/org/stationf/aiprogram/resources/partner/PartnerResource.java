package org.stationf.aiprogram.resources.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.SecretRotations;
import org.stationf.aiprogram.resources.events.GrantEvents;
import org.stationf.aiprogram.resources.events.MentoringEvents;
import org.stationf.aiprogram.resources.webhook.WebhookBodies;
import org.stationf.aiprogram.resources.webhook.WebhookDeliveryView;
import org.stationf.aiprogram.resources.webhook.WebhookSignature;
import org.stationf.aiprogram.resources.webhook.Webhooks;

import java.net.URI;
import java.util.List;

@Path("/partners")
@Tag(name = "Partners", description = "Organisations giving resources to the cohort's members, with their webhook endpoint")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    PartnerService partners;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listPartners", summary = "List partners", description = "Admins see all partners; a partner sees only itself.")
    public List<PartnerView> list() {
        return partners.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getPartner", summary = "Read a partner", description = "A partner's system reads its own partner, admins every one; "
            + "to another partner it does not exist (404).")
    @APIResponse(responseCode = "200", description = "The partner", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such partner for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PartnerView get(@Parameter(example = "SCALEWAY") @PathParam("code") String code) {
        return partners.get(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPartner", summary = "Add a partner", description = "The answer carries the webhook signing secret, once.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PartnerView.class)),
            headers = @Header(name = "Location", description = "The new partner: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewPartner request) {
        PartnerView created = partners.create(request);
        return Response.created(URI.create("/partners/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePartner", summary = "Edit a partner's name, contacts and webhook URL", description = "Send the "
            + "whole partner: contacts left out are removed. Its code and signing secret stay; a changed webhook URL is trusted as an admin's. "
            + "Renamed, each session still booked with its mentors is announced again (MentoringSessionChanged), so members' calendars show the new name.")
    @APIResponse(responseCode = "200", description = "The partner")
    @APIResponse(responseCode = "404", description = "No such partner")
    public PartnerView update(@Parameter(example = "SCALEWAY") @PathParam("code") String code, @Valid @NotNull NewPartner request) {
        return partners.update(code, request);
    }

    @PUT
    @Path("/{code}/webhook-url")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "setWebhookUrl", summary = "Point the partner's webhooks at a URL",
            description = "A partner points its own webhooks at its endpoint: an https URL whose host resolves to public addresses "
                    + "only (checked now and again before each delivery). An admin may set any http(s) URL. What is POSTed there, signed: "
                    + "this operation's callback, webhooks.")
    @APIResponse(responseCode = "200", description = "The partner, with its new webhook URL",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Not a URL a partner may set", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Callback(name = "webhooks", callbackUrlExpression = WebhookBodies.URL_SET, operations = @CallbackOperation(method = "post",
            summary = "An event for the partner: a grant of its own changed, a session with one of its mentors was booked, renamed or "
                    + "ended, or the test it asked for", description = WebhookBodies.HOW_TO_ANSWER, parameters = {
                    @Parameter(name = WebhookSignature.ID_HEADER, in = ParameterIn.HEADER, required = true, schema = @Schema(type = SchemaType.STRING),
                            description = WebhookBodies.ID_DESCRIPTION, example = "0b7e1d2c-4f5a-4c3e-9a8b-7d6e5f4a3b2c"),
                    @Parameter(name = WebhookSignature.TIMESTAMP_HEADER, in = ParameterIn.HEADER, required = true, schema = @Schema(type = SchemaType.STRING),
                            description = WebhookBodies.TIMESTAMP_DESCRIPTION, example = "1704704400"),
                    @Parameter(name = WebhookSignature.SIGNATURE_HEADER, in = ParameterIn.HEADER, required = true, schema = @Schema(type = SchemaType.STRING),
                            description = WebhookBodies.SIGNATURE_DESCRIPTION, example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = WebhookBodies.MEDIA_TYPE, schema = @Schema(
                    oneOf = {WebhookBodies.GrantWebhook.class, WebhookBodies.MentoringSessionWebhook.class, WebhookBodies.TestWebhook.class},
                    discriminatorProperty = "type", discriminatorMapping = {
                            @DiscriminatorMapping(value = GrantEvents.ISSUED, schema = WebhookBodies.GrantWebhook.class),
                            @DiscriminatorMapping(value = GrantEvents.ACTIVATED, schema = WebhookBodies.GrantWebhook.class),
                            @DiscriminatorMapping(value = GrantEvents.REVOKED, schema = WebhookBodies.GrantWebhook.class),
                            @DiscriminatorMapping(value = GrantEvents.EXPIRED, schema = WebhookBodies.GrantWebhook.class),
                            @DiscriminatorMapping(value = GrantEvents.BALANCE_LOW, schema = WebhookBodies.GrantWebhook.class),
                            @DiscriminatorMapping(value = MentoringEvents.BOOKED, schema = WebhookBodies.MentoringSessionWebhook.class),
                            @DiscriminatorMapping(value = MentoringEvents.CHANGED, schema = WebhookBodies.MentoringSessionWebhook.class),
                            @DiscriminatorMapping(value = MentoringEvents.ENDED, schema = WebhookBodies.MentoringSessionWebhook.class),
                            @DiscriminatorMapping(value = Webhooks.TEST, schema = WebhookBodies.TestWebhook.class)}))),
            responses = @APIResponse(responseCode = "200", description = WebhookBodies.RECEIVED)))
    public PartnerView setWebhookUrl(@Parameter(example = "SCALEWAY") @PathParam("code") String code, @Valid @NotNull WebhookUrl request) {
        return partners.setWebhookUrl(code, request.url());
    }

    @POST
    @Path("/{code}/webhook-test")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "testWebhook", summary = "Send a test event to the partner's webhook", description = "A WebhookTest event (data: partner, note, at), "
            + "signed and sent like any other but published on no topic: to check an endpoint and its signature check before a real event depends on "
            + "them. Follow it where Location points; answer it 2xx like any webhook. A partner tests its own.")
    @APIResponse(responseCode = "201", description = "The delivery, queued to be sent now",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)),
            headers = @Header(name = "Location", description = "The delivery: the URL to follow it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such partner for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The partner has no webhook URL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response testWebhook(@Parameter(example = "SCALEWAY") @PathParam("code") String code) {
        WebhookDeliveryView delivery = partners.testWebhook(code);
        return Response.created(URI.create("/webhooks/deliveries/" + delivery.id())).entity(delivery).build();
    }

    @POST
    @Path("/{code}/signing-secret")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "rotateSigningSecret", summary = "Rotate the webhook signing secret", description = "The answer carries the new secret; webhooks are "
            + "signed with it from now on. A partner rotates its own, at once, when its secret may have leaked. For a planned rotation, keepPreviousFor "
            + "keeps the secret it replaces signing too for that long: each webhook then carries two signatures in webhook-signature (space-separated, "
            + "as Standard Webhooks has it), so the endpoint accepts either while it switches to the new secret.")
    @APIResponse(responseCode = "200", description = "The partner with its new secret, shown this once")
    @APIResponse(responseCode = "400", description = SecretRotations.INVALID_KEEP_PREVIOUS_FOR,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner for this caller")
    public PartnerView rotateSecret(@Parameter(example = "SCALEWAY") @PathParam("code") String code,
                                    @Parameter(description = "How long webhooks are also signed with the secret this replaces (ISO-8601, at most P7D); "
                                            + "left out, it stops at once", example = "PT24H", schema = @Schema(type = SchemaType.STRING, format = "duration"))
                                    @QueryParam(SecretRotations.KEEP_PREVIOUS_FOR) String keepPreviousFor) {
        return partners.rotateSecret(code, keepPreviousFor);
    }
}
