package org.stationf.aiprogram.resources.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.events.GrantEvents;
import org.stationf.aiprogram.resources.events.MentoringEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * What a partner's endpoint is sent, as the OpenAPI document shows it (the callback of PUT /partners/{code}/webhook-url):
 * the structured-mode CloudEvent the event publisher composes, one shape per family of events. Only documentation: the
 * body sent is the one recorded with the event, and WebhookTest holds it to these schemas.
 */
public final class WebhookBodies {

    public static final String MEDIA_TYPE = "application/cloudevents+json";
    /** Where the partner's webhooks go: the URL it set, as a callback's runtime expression. */
    public static final String URL_SET = "{$request.body#/url}";
    public static final String HOW_TO_ANSWER = "Signed with the Standard Webhooks headers. Answer 2xx within 10 s; anything else is "
            + "retried with exponential backoff (5 s, 10 s, 20 s, ... up to 1 h) up to 10 attempts, then the delivery is FAILED "
            + "until redelivered (POST /webhooks/deliveries/{id}/redeliver). Deduplicate on webhook-id, and read the event's time: "
            + "a retry may come after later events.";
    public static final String ID_DESCRIPTION = "The delivery's id, the same on every retry: deduplicate on it";
    public static final String TIMESTAMP_DESCRIPTION = "Unix seconds of this attempt: refuse old ones, e.g. older than 5 minutes";
    public static final String SIGNATURE_DESCRIPTION = "v1, then Base64(HMAC-SHA256(key: your signing secret's UTF-8 bytes, message: "
            + "{webhook-id}.{webhook-timestamp}.{body})); while a planned rotation keeps your previous secret, one such signature per "
            + "secret, space-separated: accept the webhook when any one holds";
    public static final String RECEIVED = "Received (any 2xx); the body is not read";

    private WebhookBodies() {
    }

    @Schema(name = "CloudEvent", description = "A CloudEvent 1.0 in structured mode: the event's attributes, and its data")
    public record Envelope(
            @Schema(required = true, example = "1.0") String specversion,
            @Schema(required = true, description = "The event's id: the same on the topic and in every delivery of it") UUID id,
            @Schema(required = true, example = "/resources-service") String source,
            @Schema(required = true, example = GrantEvents.ISSUED) String type,
            @Schema(required = true, example = "8f14e45f-ceea-4c6e-9c1b-2d7a3b5e9f01",
                    description = "The id of what changed: the grant, the session; for a test, the partner's code") String subject,
            @Schema(required = true, example = "2024-01-08T09:00:00.123456Z") Instant time,
            @Schema(required = true, example = "application/json") String datacontenttype,
            @Schema(example = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    description = "W3C trace context of the request that made the change (CloudEvents' distributed tracing extension)")
            String traceparent) {
    }

    @Schema(name = "GrantWebhook", allOf = Envelope.class, description = "A grant of the partner's was issued (provision it, then activate "
            + "it with your reference), activated, revoked, expired, or has used 50, 80 or 100 % of its amount (BalanceLow)")
    public record GrantWebhook(
            @Schema(required = true, enumeration = {GrantEvents.ISSUED, GrantEvents.ACTIVATED, GrantEvents.REVOKED, GrantEvents.EXPIRED,
                    GrantEvents.BALANCE_LOW}) String type,
            @Schema(required = true) GrantEvents.GrantEvent data) {
    }

    @Schema(name = "MentoringSessionWebhook", allOf = Envelope.class, description = "A member booked one of the partner's mentors' "
            + "slots; the session was renamed while booked (its mentor or the partner); or it ended (delivered, missed or cancelled: its status says which)")
    public record MentoringSessionWebhook(
            @Schema(required = true, enumeration = {MentoringEvents.BOOKED, MentoringEvents.CHANGED, MentoringEvents.ENDED}) String type,
            @Schema(required = true) MentoringEvents.SessionEvent data) {
    }

    @Schema(name = "TestWebhook", allOf = Envelope.class, description = "The test the partner asked for (POST /partners/{code}/webhook-test), "
            + "on no topic: to check the endpoint and its signature check")
    public record TestWebhook(
            @Schema(required = true, enumeration = Webhooks.TEST) String type,
            @Schema(required = true) Webhooks.WebhookTest data) {
    }
}
