package org.stationf.aiprogram.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.resources.partner.Partner;
import org.stationf.aiprogram.resources.webhook.DeliveryRetention;
import org.stationf.aiprogram.resources.webhook.WebhookDispatcher;
import org.stationf.aiprogram.testing.DocumentedCallbacks;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestClock;
import org.stationf.aiprogram.testing.TestTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** A partner's webhook endpoint that checks every signature, as a partner's integration engineer would write it. */
@QuarkusTest
class WebhookTest {

    /** A call to the endpoint: signatureValid when one of its signatures holds under the secret the test gave it then. */
    record Received(String id, String timestamp, String body, boolean signatureValid, List<String> signatures, String contentType) {

        boolean signedWith(String secret) {
            return signatures.contains("v1," + hmac(secret, id + "." + timestamp + "." + body));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    DeliveryRetention retention;

    private HttpServer receiver;

    @AfterEach
    void stopReceiverAndResetClock() {
        if (receiver != null) {
            receiver.stop(0);
        }
        TestClock.CLOCK.reset();
    }

    @Test
    void grantEventsAreSignedRetriedAfterAFailureAndRedeliverable() throws Exception {
        String partner = Program.partnerCode("WEBHOOK_");
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        String[] secret = new String[1];
        // The partner's endpoint is down the first time.
        String url = signatureCheckingEndpoint(received, secret, () -> calls.incrementAndGet() == 1 ? 500 : 204);

        secret[0] = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", partner, "name", "Webhook Partner", "webhookUrl", url))
                .post("/partners").then().statusCode(201).extract().path("signingSecret");
        assertThat(secret[0]).startsWith("whsec_");
        String stored = QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>findById(partner).signingSecret);
        assertThat(stored).as("kept sealed, not as shown").startsWith("aes256gcm:").doesNotContain(secret[0].substring(6));
        Program.Member member = enrollAMemberWithCreditsFrom(partner);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return deliveries(partner).stream().anyMatch(d -> d.get("status").equals("PENDING") && ((Integer) d.get("attempts")) == 1);
        });
        Map<String, Object> failed = deliveries(partner).get(0);
        assertThat(failed.get("lastStatus")).isEqualTo(500);
        assertThat(failed.get("eventType")).isEqualTo("GrantIssued");
        // A second instance of the service that listed the delivery as due before this failure: it waits for its backoff.
        assertThat(dispatcher.attemptIfDue(UUID.fromString((String) failed.get("id")))).isFalse();
        assertThat(deliveries(partner).get(0).get("attempts")).isEqualTo(1);
        assertThat(received).hasSize(1);

        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return deliveries(partner).get(0).get("status").equals("DELIVERED");
        });
        assertThat(deliveries(partner).get(0).get("attempts")).isEqualTo(2);
        assertThat(received).hasSize(2);
        assertThat(received).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(received.get(0).id()).isEqualTo(received.get(1).id());
        assertThat(received.get(1).body()).contains("\"type\":\"GrantIssued\"").contains(member.memberId().toString())
                .as("amounts as the API shows them, not 1E+2").contains("\"amountGranted\":100.00");
        assertSentAsDocumented(received.get(1));

        given().auth().oauth2(TestTokens.admin()).post("/webhooks/deliveries/{id}/redeliver", failed.get("id")).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return received.size() == 3;
        });
        assertThat(received.get(2).signatureValid()).isTrue();
        // The redelivery is followed where it is read alone, by the partner it went to and by admins.
        for (String reader : List.of(TestTokens.partner(partner), TestTokens.admin())) {
            given().auth().oauth2(reader).get("/webhooks/deliveries/{id}", failed.get("id")).then().statusCode(200)
                    .body("status", equalTo("DELIVERED")).body("attempts", equalTo(1)).body("lastStatus", equalTo(204))
                    .body("eventType", equalTo("GrantIssued"));
        }
        given().auth().oauth2(TestTokens.partner("META")).get("/webhooks/deliveries/{id}", failed.get("id")).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/webhooks/deliveries/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        // The partner itself, its secret perhaps leaked, rotates it and has its last event sent again; another partner can do neither.
        String previous = secret[0];
        given().auth().oauth2(TestTokens.partner("META")).post("/partners/{code}/signing-secret", partner).then().statusCode(404)
                .contentType("application/problem+json");
        secret[0] = given().auth().oauth2(TestTokens.partner(partner)).post("/partners/{code}/signing-secret", partner).then().statusCode(200)
                .extract().path("signingSecret");
        assertThat(secret[0]).startsWith("whsec_").isNotEqualTo(previous);
        given().auth().oauth2(TestTokens.admin()).get("/partners/{code}", partner).then().statusCode(200)
                .body("signingSecret", nullValue());
        given().auth().oauth2(TestTokens.partner("META")).post("/webhooks/deliveries/{id}/redeliver", failed.get("id")).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(partner)).post("/webhooks/deliveries/{id}/redeliver", failed.get("id")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return received.size() == 4;
        });
        assertThat(received.get(3).signatureValid()).as("signed with the rotated secret").isTrue();

        given().auth().oauth2(TestTokens.partner(partner)).get("/webhooks/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.partner(partner)).queryParam("page", 1).queryParam("size", 1).get("/webhooks/deliveries").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(1)).body("page", equalTo(1));
        given().auth().oauth2(TestTokens.partner(partner)).queryParam("size", 101).get("/webhooks/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestTokens.partner("META")).get("/webhooks/deliveries").then().statusCode(200)
                .body("items.findAll { it.partner == '" + partner + "' }.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner("META")).queryParam("partner", partner).get("/webhooks/deliveries").then().statusCode(200)
                .body("items.findAll { it.partner == '" + partner + "' }.size()", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("partner", partner).queryParam("status", "delivered")
                .get("/webhooks/deliveries").then().statusCode(200).body("items.id", equalTo(List.of(failed.get("id"))));
        given().auth().oauth2(TestTokens.admin()).queryParam("partner", partner).queryParam("status", "PENDING")
                .get("/webhooks/deliveries").then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "LOST").get("/webhooks/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.admin()).queryParam("partner", "NOT-A-PARTNER").get("/webhooks/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("partner"))
                .body("errors[0].message", equalTo("no partner has the code \"NOT-A-PARTNER\""));
    }

    /**
     * A planned rotation keeps the secret it replaces signing for the overlap asked: the partner's endpoint gets a
     * signature under each, accepts either while it switches, and after the overlap only the new one.
     */
    @Test
    void aPlannedRotationSignsWithBothSecretsUntilTheOverlapEnds() throws Exception {
        String partner = Program.partnerCode("ROTATION_");
        List<Received> received = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        String url = signatureCheckingEndpoint(received, secret, () -> 204);
        String first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", partner, "name", "Rotating Partner", "webhookUrl", url))
                .post("/partners").then().statusCode(201).body("previousSecretSignsUntil", nullValue()).extract().path("signingSecret");
        for (String refused : List.of("P8D", "-PT1H", "tomorrow")) {
            given().auth().oauth2(TestTokens.partner(partner)).queryParam("keepPreviousFor", refused)
                    .post("/partners/{code}/signing-secret", partner).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("keepPreviousFor"));
        }

        TestClock.CLOCK.setTo(TestClock.CLOCK.instant());
        Response rotated = given().auth().oauth2(TestTokens.partner(partner)).queryParam("keepPreviousFor", "PT24H")
                .post("/partners/{code}/signing-secret", partner);
        rotated.then().statusCode(200);
        String second = rotated.path("signingSecret");
        assertThat(Instant.parse(rotated.path("previousSecretSignsUntil"))).isEqualTo(TestClock.CLOCK.instant().plus(Duration.ofHours(24)));
        secret[0] = second;
        Received during = nextWebhook(partner, received);
        assertThat(during.signatures()).hasSize(2);
        assertThat(during.signedWith(second)).isTrue();
        assertThat(during.signedWith(first)).as("the refused rotations changed nothing").isTrue();

        TestClock.CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
        Received after = nextWebhook(partner, received);
        assertThat(after.signatures()).hasSize(1);
        assertThat(after.signedWith(second)).isTrue();

        // Rotated again, for a leak: the secret it replaces stops at once.
        given().auth().oauth2(TestTokens.partner(partner)).queryParam("keepPreviousFor", "PT1H").post("/partners/{code}/signing-secret", partner)
                .then().statusCode(200);
        String fourth = given().auth().oauth2(TestTokens.partner(partner)).post("/partners/{code}/signing-secret", partner).then().statusCode(200)
                .body("previousSecretSignsUntil", nullValue()).extract().path("signingSecret");
        secret[0] = fourth;
        Received afterLeak = nextWebhook(partner, received);
        assertThat(afterLeak.signatures()).hasSize(1);
        assertThat(afterLeak.signedWith(fourth)).isTrue();
    }

    /** A partner checks its endpoint, and its signature check, with a test event before a real event depends on them. */
    @Test
    void aPartnerSendsItselfATestEventToCheckItsEndpoint() throws Exception {
        String partner = Program.partnerCode("TESTING_");
        List<Received> received = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        secret[0] = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("code", partner, "name", "Testing Partner"))
                .post("/partners").then().statusCode(201).extract().path("signingSecret");
        given().auth().oauth2(TestTokens.partner(partner)).post("/partners/{code}/webhook-test", partner).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-startup-program:problem:no-webhook-url"));
        String url = signatureCheckingEndpoint(received, secret, () -> 204);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("url", url))
                .put("/partners/{code}/webhook-url", partner).then().statusCode(200);

        Response queued = given().auth().oauth2(TestTokens.partner(partner)).post("/partners/{code}/webhook-test", partner);
        queued.then().statusCode(201).body("eventType", equalTo("WebhookTest")).body("status", equalTo("PENDING"))
                .header("Location", endsWith("/webhooks/deliveries/" + queued.path("id")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return received.size() == 1;
        });
        assertThat(received.get(0).signatureValid()).isTrue();
        JsonNode test = JSON.readTree(received.get(0).body());
        assertThat(test.path("type").asText()).isEqualTo("WebhookTest");
        assertThat(test.path("id").asText()).isEqualTo(queued.path("eventId"));
        assertThat(test.path("data").path("partner").asText()).isEqualTo(partner);
        assertSentAsDocumented(received.get(0));
        given().auth().oauth2(TestTokens.partner(partner)).get(queued.header("Location")).then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("lastStatus", equalTo(204));

        given().auth().oauth2(TestTokens.partner("META")).post("/partners/{code}/webhook-test", partner).then().statusCode(404)
                .contentType("application/problem+json");
        // A test, not an event of the program: on no topic.
        for (String topic : List.of("program.grants", "program.mentoring")) {
            assertThat(KafkaTopics.records(topic, record -> partner.equals(record.key()), 1, Duration.ofSeconds(2))).isEmpty();
        }
    }

    /** A partner looks back a month on what it was sent; what it has not received yet waits for it however old. */
    @Test
    void deliveredWebhooksAreForgottenAfterThirtyDaysButFailedOnesWaitToBeRedelivered() throws Exception {
        String partner = Program.partnerCode("RETAINED_");
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(204);
        String[] secret = new String[1];
        String url = signatureCheckingEndpoint(received, secret, answer::get);
        secret[0] = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", partner, "name", "Retained Partner", "webhookUrl", url))
                .post("/partners").then().statusCode(201).extract().path("signingSecret");
        String delivered = sendTestWebhook(partner);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return "DELIVERED".equals(delivery(partner, delivered).get("status"));
        });
        // The partner's endpoint is down for good: every attempt fails until the last.
        answer.set(503);
        String failed = sendTestWebhook(partner);
        for (int attempt = 0; attempt < 20 && !"FAILED".equals(delivery(partner, failed).get("status")); attempt++) {
            TestClock.CLOCK.advance(Duration.ofHours(2));
            dispatcher.dispatch();
        }
        assertThat(delivery(partner, failed)).containsEntry("status", "FAILED").containsEntry("attempts", 10);

        TestClock.CLOCK.advance(Duration.ofDays(30).plusMinutes(1));
        answer.set(204);
        String recent = sendTestWebhook(partner);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return "DELIVERED".equals(delivery(partner, recent).get("status"));
        });
        assertThat(retention.forgetOldDeliveries()).isGreaterThanOrEqualTo(1);

        given().auth().oauth2(TestTokens.partner(partner)).get("/webhooks/deliveries/{id}", delivered).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(partner)).get("/webhooks/deliveries").then().statusCode(200)
                .body("items.id", equalTo(List.of(recent, failed))).body("items.status", equalTo(List.of("DELIVERED", "FAILED")));
        given().auth().oauth2(TestTokens.partner(partner)).post("/webhooks/deliveries/{id}/redeliver", failed).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return "DELIVERED".equals(delivery(partner, failed).get("status"));
        });
    }

    private static String sendTestWebhook(String partner) {
        return given().auth().oauth2(TestTokens.partner(partner)).post("/partners/{code}/webhook-test", partner)
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> delivery(String partner, String id) {
        return given().auth().oauth2(TestTokens.partner(partner)).get("/webhooks/deliveries/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** A grant event for the partner, and the call that delivers it to its endpoint. */
    private Received nextWebhook(String partner, List<Received> received) {
        int before = received.size();
        enrollAMemberWithCreditsFrom(partner);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return received.size() > before;
        });
        return received.get(before);
    }

    /** The partner's system learns, signed, when a member books one of its mentors' slots and when the session ends. */
    @Test
    void sessionsBookedWithAPartnersMentorsReachItsWebhook() throws Exception {
        String partner = Program.partnerCode("WEBHOOK_");
        List<Received> received = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        String url = signatureCheckingEndpoint(received, secret, () -> 204);
        secret[0] = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", partner, "name", "Mentoring Partner", "webhookUrl", url))
                .post("/partners").then().statusCode(201).extract().path("signingSecret");
        Program.Member member = Program.enrollWithPackageOf(Map.of("key", "mentoring", "partner", partner, "kind", "MENTORING_HOURS",
                "description", "Mentoring", "amount", "10", "unit", "HOUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Program.grants(member).size() == 1);
        Program.activate(Program.grantOf(member, partner), partner);
        String mentor = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", "lea-" + UUID.randomUUID() + "@partner.example"))
                .post("/mentors").then().statusCode(201).extract().path("id");
        // Three bookings, then their cancellations, all at one instant of the server's clock: they reach the partner
        // in the order they were made.
        TestClock.CLOCK.setTo(TestClock.CLOCK.instant());
        List<String> sessions = new ArrayList<>();
        for (int day = 3; day <= 5; day++) {
            OffsetDateTime start = OffsetDateTime.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC).plusDays(day).withNano(0);
            String slot = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                    .body(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(1).toString()))
                    .post("/mentors/{id}/slots", mentor).then().statusCode(201).extract().path("id");
            sessions.add(given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("memberId", member.memberId()))
                    .post("/slots/{id}/booking", slot).then().statusCode(201).extract().path("id"));
        }
        for (String session : sessions) {
            given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                    .post("/sessions/{id}/cancel", session).then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return sessionEvents(received).size() == 6;
        });
        List<JsonNode> sessionEvents = sessionEvents(received);
        assertThat(received).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(sessionEvents).extracting(event -> event.path("type").asText() + " " + event.path("data").path("sessionId").asText())
                .containsExactly("MentoringSessionBooked " + sessions.get(0), "MentoringSessionBooked " + sessions.get(1), "MentoringSessionBooked " + sessions.get(2),
                        "MentoringSessionEnded " + sessions.get(0), "MentoringSessionEnded " + sessions.get(1), "MentoringSessionEnded " + sessions.get(2));
        JsonNode booked = sessionEvents.get(0).path("data");
        assertThat(booked.path("memberId").asText()).isEqualTo(member.memberId().toString());
        assertThat(booked.path("mentorName").asText()).isEqualTo("Dr. Lea Fontaine");
        assertThat(booked.path("partner").asText()).isEqualTo(partner);
        assertThat(sessionEvents.get(3).path("data").path("status").asText()).isEqualTo("CANCELLED_EARLY");
        received.forEach(WebhookTest::assertSentAsDocumented);
        given().auth().oauth2(TestTokens.partner(partner)).queryParam("status", "DELIVERED").get("/webhooks/deliveries").then().statusCode(200)
                .body("items.eventType", hasItems("MentoringSessionBooked", "MentoringSessionEnded"));
    }

    /** The mentoring events among what the partner's endpoint received, in the order it received them. */
    private static List<JsonNode> sessionEvents(List<Received> received) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (Received r : received) {
            JsonNode event = JSON.readTree(r.body());
            if (event.path("type").asText().startsWith("MentoringSession")) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void aPartnerPointsItsWebhooksItselfButOnlyAtAPublicHttpsAddress() throws Exception {
        String partner = Program.partnerCode("HOOKS_");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("code", partner, "name", "Self-service Partner"))
                .post("/partners").then().statusCode(201);
        String token = TestTokens.partner(partner);

        Map<String, String> refused = Map.of(
                "http://203.0.113.10/hooks", "must be an https URL",
                "https://127.0.0.1:8083/grants", "resolves to 127.0.0.1, not a public address",
                "https://localhost/hooks", "not a public address",
                "https://169.254.169.254/latest/meta-data", "resolves to 169.254.169.254, not a public address",
                "https://10.0.0.7/hooks", "resolves to 10.0.0.7, not a public address",
                "https://100.64.1.1/hooks", "not a public address",
                "https://[fd12::1]/hooks", "not a public address",
                "https://[::1]/hooks", "not a public address",
                "https://ops:hunter2@203.0.113.10/hooks", "must not carry credentials");
        refused.forEach((url, reason) -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url))
                .put("/partners/{code}/webhook-url", partner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString(reason)));
        given().auth().oauth2(token).get("/partners/{code}", partner).then().statusCode(200)
                .body("webhookUrl", nullValue());

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", "https://203.0.113.10/hooks"))
                .put("/partners/{code}/webhook-url", partner)
                .then().statusCode(200).body("webhookUrl", equalTo("https://203.0.113.10/hooks"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("url", "https://203.0.113.11/hooks"))
                .put("/partners/{code}/webhook-url", partner).then().statusCode(404).contentType("application/problem+json");

        // As if its host's name had since been made to resolve to this machine: the delivery is not sent there.
        List<Received> received = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), null, null, true, List.of(), null));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String local = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        String nowLocal = "https://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        QuarkusTransaction.requiringNew().run(() -> Partner.update("webhookUrl = ?1 where code = ?2", nowLocal, partner));
        enrollAMemberWithCreditsFrom(partner);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return !deliveries(partner).isEmpty() && ((Integer) deliveries(partner).get(0).get("attempts")) == 1;
        });
        assertThat((String) deliveries(partner).get(0).get("lastError"))
                .isEqualTo("Not sent: the partner's webhook URL names a host that resolves to 127.0.0.1, not a public address");
        assertThat(received).isEmpty();

        // An admin's URL is trusted as it is: a receiver on a private network.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("url", local))
                .put("/partners/{code}/webhook-url", partner).then().statusCode(200).body("webhookUrl", equalTo(local));
        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return deliveries(partner).get(0).get("status").equals("DELIVERED");
        });
        assertThat(received).hasSize(1);
    }

    @Test
    void aPartnerWhoseEndpointHangsDoesNotHoldBackAnotherPartnersWebhooks() throws Exception {
        CountDownLatch answerSlowly = new CountDownLatch(1);
        AtomicInteger slowCalls = new AtomicInteger();
        HttpServer slowEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowEndpoint.createContext("/hooks", exchange -> {
            slowCalls.incrementAndGet();
            try {
                answerSlowly.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slowEndpoint.start();
        AtomicInteger fastCalls = new AtomicInteger();
        receiver = acceptingEndpoint(fastCalls);
        try {
            String slow = partnerWithWebhooksAt("SLOW_", slowEndpoint);
            String fast = partnerWithWebhooksAt("FAST_", receiver);

            // Only the scheduled runs send here: the slow partner's delivery falls due first and its endpoint does not answer.
            enrollAMemberWithCreditsFrom(slow);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> slowCalls.get() == 1);
            enrollAMemberWithCreditsFrom(fast);
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !deliveries(fast).isEmpty() && deliveries(fast).get(0).get("status").equals("DELIVERED"));
            assertThat(fastCalls).hasValue(1);
            assertThat(deliveries(slow).get(0).get("status")).as("still waiting for the slow endpoint's answer").isEqualTo("PENDING");
            assertThat(deliveries(slow).get(0).get("attempts")).isEqualTo(0);

            answerSlowly.countDown();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveries(slow).get(0).get("status").equals("DELIVERED"));
            assertThat(slowCalls).hasValue(1);
        } finally {
            answerSlowly.countDown();
            slowEndpoint.stop(0);
        }
    }

    /** Two instances of the service: while one sends a partner a webhook, the other sends that partner nothing. */
    @Test
    void whileAnotherInstanceSendsAPartnerAWebhookThisOneWaitsItsTurn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver = acceptingEndpoint(calls);
        String partner = partnerWithWebhooksAt("TURNS_", receiver);
        try (OpenTransaction otherInstanceSending = OpenTransaction.after(() ->
                AdvisoryLocks.holdUntilTransactionEnds(Partner.getEntityManager(), WebhookDispatcher.sendingLock(partner)))) {
            enrollAMemberWithCreditsFrom(partner);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !deliveries(partner).isEmpty());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                dispatcher.dispatch();
                return calls.get() == 0;
            });
            assertThat(deliveries(partner).get(0).get("attempts")).isEqualTo(0);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcher.dispatch();
            return deliveries(partner).get(0).get("status").equals("DELIVERED");
        });
        assertThat(calls).hasValue(1);
    }

    /**
     * Starts this test's partner endpoint: it records each call, with whether its signature holds under the signing
     * secret in {@code secret[0]}, and answers the status given; returns its URL.
     */
    private String signatureCheckingEndpoint(List<Received> received, String[] secret, IntSupplier status) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            // Standard Webhooks: space-separated signatures, any one of which the receiver accepts.
            List<String> signatures = signature == null ? List.of() : List.of(signature.split(" "));
            received.add(new Received(id, timestamp, body, signatures.contains("v1," + hmac(secret[0], id + "." + timestamp + "." + body)), signatures,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    /** The webhook is one the callbacks of setWebhookUrl in the OpenAPI document show partners, in shape and media type. */
    private static void assertSentAsDocumented(Received webhook) {
        DocumentedCallbacks.assertSentAsDocumented("setWebhookUrl", webhook.contentType(), webhook.body());
    }

    /** A partner's endpoint that answers every webhook 204 at once, counting them. */
    private static HttpServer acceptingEndpoint(AtomicInteger calls) throws IOException {
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        return endpoint;
    }

    private static String partnerWithWebhooksAt(String prefix, HttpServer endpoint) {
        String partner = Program.partnerCode(prefix);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", partner, "name", "Partner " + partner,
                        "webhookUrl", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks"))
                .post("/partners").then().statusCode(201);
        return partner;
    }

    /** A member enrolls in a cohort whose package holds credits from the partner: its grant's GrantIssued is a webhook. */
    private static Program.Member enrollAMemberWithCreditsFrom(String partner) {
        return Program.enrollWithPackageOf(Map.of("key", "credits", "partner", partner, "kind", "COMPUTE_CREDITS", "description", "Credits",
                "amount", "100", "unit", "EUR"));
    }

    private static List<Map<String, Object>> deliveries(String partner) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("partner", partner).get("/webhooks/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
