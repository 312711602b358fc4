package org.stationf.aiprogram.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The suite's real processes broken on purpose: the broker, a service, the database connections, a poison event; and
 * dead letters read and sent again as an operator does.
 */
@ExtendWith(RunningSuite.class)
class FaultsIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private final String admin = Api.admin();

    /** Events committed while the broker is down wait in the outboxes; afterwards each has had its effect exactly once. */
    @Test
    void aBrokerStoppedAndRestartedMidwayLosesAndDoublesNothing() {
        String call = Program.openCall(admin);
        List<Program.Applicant> applicants = Program.submitted(call, 4);
        String cohort = Program.selectingCohort(admin, call);

        RunningSuite.run("stop", "kafka");
        try {
            Program.shortlistAndPublish(admin, call, applicants);
        } finally {
            RunningSuite.run("start", "kafka");
        }
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(admin).queryParam("callId", call).get("/api/candidates").then().statusCode(200).body("$", hasSize(4)));

        for (Program.Applicant applicant : applicants.subList(0, 2)) {
            Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", applicant.applicationId()))
                    .post("/api/cohorts/{id}/selections", cohort).then().statusCode(201);
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(applicant.token()).get("/api/applications/{id}", applicant.applicationId())
                    .then().body("status", equalTo("SELECTED")));
            String offer = Api.as(applicant.token()).get("/api/offers").then().extract().path("[0].id");
            Api.as(applicant.token()).contentType(ContentType.JSON).body(Map.of()).post("/api/offers/{id}/accept", offer).then().statusCode(200);
        }
        await().atMost(EVENTUALLY).untilAsserted(() ->
                Api.as(admin).queryParam("cohortId", cohort).get("/api/resources/grants").then().body("$", hasSize(6)));

        // Counted in each service's own database: one effect per event, whatever was redelivered.
        assertThat(Database.count(RunningSuite.DB_PREFIX + "cohorts", "SELECT count(*) FROM candidate WHERE call_id = '" + call + "'")).isEqualTo(4);
        assertThat(Database.count(RunningSuite.DB_PREFIX + "resources", "SELECT count(*) FROM grant_account WHERE cohort_id = '" + cohort + "'")).isEqualTo(6);
        assertThat(Database.count(RunningSuite.DB_PREFIX + "resources", "SELECT count(*) FROM ledger_entry l JOIN grant_account g ON g.id = l.grant_id "
                + "WHERE g.cohort_id = '" + cohort + "' AND l.entry_type = 'GRANT'")).isEqualTo(6);
        assertThat(Database.count(RunningSuite.DB_PREFIX + "applications", "SELECT count(*) FROM application_status_change WHERE to_status = 'SELECTED' "
                + "AND application_id IN (SELECT id FROM application WHERE call_id = '" + call + "')")).isEqualTo(2);
        assertThat(Database.count(RunningSuite.DB_PREFIX + "applications", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")).isZero();
    }

    /**
     * With the broker down, a startup accepts its offer in cohort-service and withdraws its application in
     * applications-service, which has not heard of the acceptance: once the events flow, the withdrawal is the last
     * word everywhere (no member whose application is withdrawn, no grant left to it).
     */
    @Test
    void anApplicationWithdrawnWhileItsAcceptanceWaitsForTheBrokerLeavesTheStartupOutEverywhere() {
        String call = Program.openCall(admin);
        Program.Applicant startup = Program.submitted(call, 1).get(0);
        String cohort = Program.selectingCohort(admin, call);
        Program.shortlistAndPublish(admin, call, List.of(startup));
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(admin).get("/api/candidates/{id}", startup.applicationId()).then().statusCode(200));
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", startup.applicationId()))
                .post("/api/cohorts/{id}/selections", cohort).then().statusCode(201);
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(startup.token()).get("/api/applications/{id}", startup.applicationId())
                .then().body("status", equalTo("SELECTED")));
        String offer = Api.as(startup.token()).get("/api/offers").then().extract().path("[0].id");

        RunningSuite.run("stop", "kafka");
        try {
            Api.as(startup.token()).contentType(ContentType.JSON).body(Map.of()).post("/api/offers/{id}/accept", offer).then().statusCode(200);
            Api.as(startup.token()).contentType(ContentType.JSON).body(Map.of("reason", "We join another program"))
                    .post("/api/applications/{id}/withdraw", startup.applicationId()).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        } finally {
            RunningSuite.run("start", "kafka");
        }

        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(startup.token()).get("/api/members/me").then().statusCode(200)
                        .body("[0].status", equalTo("WITHDRAWN")).body("[0].leftReason", equalTo("Application withdrawn: We join another program")));
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(admin).queryParam("cohortId", cohort).get("/api/resources/grants").then().statusCode(200)
                        .body("$", hasSize(3)).body("status", everyItem(equalTo("REVOKED"))));
        Api.as(startup.token()).get("/api/applications/{id}/history", startup.applicationId()).then().statusCode(200)
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "SHORTLISTED", "SELECTED", "WITHDRAWN")));
        Api.as(admin).get("/api/cohorts/{id}", cohort).then().body("placesTaken", equalTo(0));
    }

    /** A service killed right after committing (its events could not be published yet) publishes them on restart. */
    @Test
    void aServiceKilledAfterCommittingPublishesOnRestart() {
        String call = Program.openCall(admin);
        List<Program.Applicant> applicants = Program.submitted(call, 3);

        RunningSuite.run("stop", "kafka");
        try {
            Program.shortlistAndPublish(admin, call, applicants);
            assertThat(Database.count(RunningSuite.DB_PREFIX + "applications", "SELECT count(*) FROM outbox_event "
                    + "WHERE published_at IS NULL AND event_type = 'ApplicationShortlisted'")).isGreaterThanOrEqualTo(3);
            RunningSuite.run("kill", "applications-service");
        } finally {
            RunningSuite.run("start", "kafka");
        }
        RunningSuite.run("start", "applications-service");
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(admin).queryParam("callId", call).get("/api/candidates").then().statusCode(200).body("$", hasSize(3)));
        assertThat(Database.count(RunningSuite.DB_PREFIX + "cohorts", "SELECT count(*) FROM candidate WHERE call_id = '" + call + "'")).isEqualTo(3);
    }

    /** A service stopped with SIGTERM (a deployment, a scale-down) shuts down without an ERROR: its jobs stop firing first. */
    @Test
    void aServiceStoppedGracefullyLogsNoErrorWhileShuttingDown() throws IOException {
        Path log = RunningSuite.logOf("cohort-service");
        long linesBefore;
        try (Stream<String> lines = Files.lines(log)) {
            linesBefore = lines.count();
        }
        RunningSuite.run("stop", "cohort-service");
        List<String> shutdown;
        try (Stream<String> lines = Files.lines(log)) {
            shutdown = lines.skip(linesBefore).toList();
        } finally {
            RunningSuite.run("start", "cohort-service");
        }
        assertThat(shutdown).anyMatch(line -> line.contains("cohort-service stopped in"));
        assertThat(shutdown).noneMatch(line -> line.contains(" ERROR "));
    }

    /**
     * A service stopped with SIGTERM (a rolling deployment) still answers the requests it had started before it exits,
     * while its readiness already says it is going, so that a load balancer sends it nothing new.
     * The request is held in the service by a row lock the test takes, until the service is shutting down.
     */
    @Test
    void aServiceStoppedGracefullyFinishesTheRequestsItHadStartedAndReportsItselfNotReady() throws Exception {
        String call = Program.openCall(admin);
        LocalDate start = LocalDate.now().plusMonths(1);
        String cohort = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Rolling deployment", "edition", "drill", "callId", call, "startDate", start.toString(),
                        "endDate", start.plusMonths(5).toString()))
                .post("/api/cohorts").then().statusCode(201).extract().path("id");
        String database = RunningSuite.DB_PREFIX + "cohorts";
        Path log = RunningSuite.logOf("cohort-service");
        long linesBefore;
        try (Stream<String> lines = Files.lines(log)) {
            linesBefore = lines.count();
        }
        CompletableFuture<Void> stopping = null;
        try (Connection lock = Database.connect(database)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT id FROM cohort WHERE id = '" + cohort + "' FOR UPDATE");
            CompletableFuture<Response> opening = CompletableFuture.supplyAsync(() ->
                    Api.as(admin).post("/api/cohorts/{id}/open-selection", cohort));
            await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(database,
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "' AND wait_event_type = 'Lock'") > 0);
            stopping = CompletableFuture.runAsync(() -> RunningSuite.run("stop", "cohort-service"));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (Stream<String> lines = Files.lines(log)) {
                    return lines.skip(linesBefore).anyMatch(line -> line.contains("Waiting for HTTP requests to complete"));
                }
            });
            Response readiness = RestAssured.get("http://127.0.0.1:" + RunningSuite.COHORT_PORT + "/q/health/ready");
            assertThat(readiness.statusCode()).as(readiness.asString()).isEqualTo(503);
            assertThat(readiness.jsonPath().getString("checks.find { it.name == 'Graceful Shutdown' }.status")).isEqualTo("DOWN");
            lock.rollback();
            Response opened = opening.get(30, TimeUnit.SECONDS);
            assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(200);
            assertThat(opened.jsonPath().getString("status")).isEqualTo("SELECTING");
        } finally {
            if (stopping != null) {
                stopping.get(60, TimeUnit.SECONDS);
            }
            RunningSuite.run("start", "cohort-service");
        }
        Api.as(admin).get("/api/cohorts/{id}", cohort).then().statusCode(200).body("status", equalTo("SELECTING"));
    }

    /** While a service's database connections are cut, requests get 503 problem+json; afterwards they succeed; nothing half-written. */
    @Test
    void lostDatabaseConnectionsGive503sAndNoPartialWrites() throws Exception {
        String call = Program.openCall(admin);
        String database = RunningSuite.DB_PREFIX + "applications";
        AtomicBoolean cutting = new AtomicBoolean(true);
        Thread cutter = new Thread(() -> {
            while (cutting.get()) {
                Database.terminateBackends(database);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Integer> statuses = new ArrayList<>();
        List<String> founders = new ArrayList<>();
        cutter.start();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                String founder = Api.founder("Cut " + UUID.randomUUID());
                founders.add(founder);
                Response response = Api.as(founder).contentType(ContentType.JSON).body(Program.draft(call, "Cut " + UUID.randomUUID()))
                        .post("/api/applications");
                statuses.add(response.statusCode());
                if (response.statusCode() >= 500) {
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        } finally {
            cutting.set(false);
            cutter.join();
        }
        assertThat(statuses).as("statuses while cut: %s", statuses).contains(503).doesNotContain(500);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(founders.get(0)).queryParam("callId", call).get("/api/applications").then().statusCode(200));
        String after = Api.founder("After the cut");
        Api.as(after).contentType(ContentType.JSON).body(Program.draft(call, "After " + UUID.randomUUID())).post("/api/applications").then().statusCode(201);

        // Every 201 is stored. A 503 stored nothing, unless the connection died after the database committed and before it
        // answered (an in-doubt commit, which no service can tell from a lost one); either way the write is whole.
        long created = statuses.stream().filter(s -> s == 201).count() + 1;
        long inDoubt = statuses.stream().filter(s -> s == 503).count();
        assertThat(Database.count(database, "SELECT count(*) FROM application WHERE call_id = '" + call + "'")).isBetween(created, created + inDoubt);
        // Every stored application has its history; no history without its application.
        assertThat(Database.count(database, "SELECT count(*) FROM application a WHERE call_id = '" + call + "' AND NOT EXISTS "
                + "(SELECT 1 FROM application_status_change c WHERE c.application_id = a.id)")).isZero();
    }

    /** A poison event goes to the consumer's dead-letter topic with its reason, and the consumer goes on. */
    @Test
    void aPoisonEventLandsInTheDeadLetterTopicAndTheConsumerGoesOn() {
        String call = Program.openCall(admin);
        List<Program.Applicant> applicants = Program.submitted(call, 1);
        String key = applicants.get(0).applicationId();
        KafkaTopics.send(RunningSuite.KAFKA, new ProducerRecord<>("program.applications", key, "{\"this is\": \"not a CloudEvent\""));
        Program.shortlistAndPublish(admin, call, applicants);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                Api.as(admin).get("/api/candidates/{id}", key).then().statusCode(200));
        var dead = KafkaTopics.records(RunningSuite.KAFKA, "cohort-service.dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.deadLetterReason(dead.get(0))).contains("not a CloudEvent");

        // What an operator alerted by inbox_events_total{outcome="dead-lettered"} reads, and sends again once the cause is
        // gone; sent again while it is still there, it comes back, saying where from.
        String position = dead.get(0).partition() + ":" + dead.get(0).offset();
        assertThat(RunningSuite.output("dead-letters", "cohort-service"))
                .contains("cohort-service.dlq " + position + ", dead-lettered at ")
                .contains("  key     " + key + "\n  event   (not a CloudEvent: 30 bytes)\n  reason  not a CloudEvent in JSON");
        assertThat(RunningSuite.output("resend", "cohort-service", position))
                .startsWith("Resent cohort-service.dlq " + position + " ((not a CloudEvent: 30 bytes)) to program.applications ");
        var again = KafkaTopics.records(RunningSuite.KAFKA, "cohort-service.dlq", r -> key.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(again).hasSize(2);
        assertThat(KafkaTopics.header(again.get(1), "resent-from")).isEqualTo("cohort-service.dlq " + position);
        assertThat(again.get(1).value()).isEqualTo(dead.get(0).value());
    }

    /**
     * A dead letter whose cause is gone takes effect when an operator sends it again with {@code ./suite resend}. It is
     * written here as the consumer's dead-letter strategy writes one (the record as it came, where it came from and why in
     * headers), for a shortlisted application cohort-service could not take then.
     */
    @Test
    void aDeadLetterSentAgainOnceItsCauseIsGoneTakesEffect() {
        String applicationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/applications-service", "type": "ApplicationShortlisted",
                 "subject": "%s", "time": "2026-12-20T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"applicationId": "%s", "callId": "%s", "applicantId": "founder-resent", "companyName": "Resent Robotics",
                          "country": "FR", "stage": "SEED", "models": ["Llama 3 8B"], "rank": 1, "normalizedScore": 0.5,
                          "founders": [{"name": "Inès Martin", "email": "ines@resent-robotics.example", "role": "CEO"}],
                          "shortlistedAt": "2026-12-20T10:00:00Z"}}""".formatted(eventId, applicationId, applicationId, UUID.randomUUID());
        ProducerRecord<String, String> deadLetter = new ProducerRecord<>("cohort-service.dlq", applicationId, event);
        deadLetter.headers()
                .add("dead-letter-reason", "could not reach the database for longer than eventing.inbox.retry-for".getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-topic", "program.applications".getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-partition", "2".getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-offset", "41".getBytes(StandardCharsets.UTF_8));
        RecordMetadata written = KafkaTopics.send(RunningSuite.KAFKA, deadLetter);
        String position = written.partition() + ":" + written.offset();

        assertThat(RunningSuite.output("dead-letters", "cohort-service"))
                .contains("cohort-service.dlq " + position + ", dead-lettered at ")
                .contains("  from    program.applications 2:41\n  key     " + applicationId
                        + "\n  event   ApplicationShortlisted " + eventId + " from /applications-service, subject " + applicationId
                        + "\n  reason  could not reach the database for longer than eventing.inbox.retry-for\n");
        Api.as(admin).get("/api/candidates/{id}", applicationId).then().statusCode(404);

        assertThat(RunningSuite.output("resend", "cohort-service", position))
                .startsWith("Resent cohort-service.dlq " + position + " (ApplicationShortlisted " + eventId);
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(admin).get("/api/candidates/{id}", applicationId).then()
                .statusCode(200).body("companyName", equalTo("Resent Robotics")));
    }
}
