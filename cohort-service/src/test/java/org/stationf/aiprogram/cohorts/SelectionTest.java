package org.stationf.aiprogram.cohorts;

import org.stationf.aiprogram.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.cohorts.selection.SelectionService;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SelectionTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SelectionService selections;

    @Inject
    org.stationf.aiprogram.cohorts.events.ApplicationEventsConsumer applicationEvents;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    /** Twenty admins click "select" at once on a cohort of five: five offers, fifteen clear refusals. */
    @Test
    void twentyConcurrentSelectionsForFivePlacesGiveExactlyFive() throws Exception {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> shortlisted = Candidates.shortlist(call, 20);
        String cohort = Candidates.selectingCohort(call, 5);

        List<io.restassured.response.Response> responses = AllAtOnce.run(shortlisted.stream()
                .<Callable<io.restassured.response.Response>>map(candidate -> () -> given().auth().oauth2(TestTokens.admin())
                        .contentType(ContentType.JSON).body(Map.of("applicationId", candidate.applicationId()))
                        .post("/cohorts/{id}/selections", cohort))
                .toList());

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(5);
        List<io.restassured.response.Response> refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(refused).hasSize(15).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.contentType()).startsWith(PROBLEM);
            assertThat(r.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:cohort-full");
            assertThat(r.jsonPath().getInt("capacity")).isEqualTo(5);
        });
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(5));
        assertThat(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/selections", cohort)
                .then().extract().jsonPath().getList("findAll { it.status == 'OFFERED' }")).hasSize(5);
    }

    @Test
    void aDeclinedOfferGoesToTheFirstOnTheWaitlistAndEveryOutcomeIsPublished() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 4);
        String cohort = Candidates.selectingCohort(call, 2);
        String declinedOffer = Candidates.select(cohort, c.get(0).applicationId());
        Candidates.select(cohort, c.get(1).applicationId());
        Candidates.waitlist(cohort, c.get(2).applicationId());
        String lastInLine = Candidates.waitlist(cohort, c.get(3).applicationId());
        given().auth().oauth2(c.get(3).token()).get(lastInLine).then().statusCode(200).body("status", equalTo("WAITLISTED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("applicationIds", List.of(c.get(3).applicationId())))
                .put("/cohorts/{id}/waitlist", cohort).then().statusCode(200);

        given().auth().oauth2(c.get(1).token()).contentType(ContentType.JSON).body(Map.of("reason", "not mine"))
                .post("/offers/{id}/decline", declinedOffer).then().statusCode(404);
        given().auth().oauth2(c.get(0).token()).get("/offers").then().statusCode(200)
                .body("[0].status", equalTo("OFFERED")).body("[0].companyName", equalTo("Startup 1"));
        Candidates.decline(c.get(0), declinedOffer, "We raised a round instead").body("status", equalTo("DECLINED"));

        List<Map<String, Object>> selections = given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/selections", cohort)
                .then().extract().jsonPath().getList("$");
        assertThat(status(selections, c.get(3).applicationId())).isEqualTo("OFFERED");
        assertThat(status(selections, c.get(2).applicationId())).isEqualTo("WAITLISTED");
        // Where its waitlisting's Location pointed, the startup now reads the offer it got.
        given().auth().oauth2(c.get(3).token()).get(lastInLine).then().statusCode(200).body("status", equalTo("OFFERED"));

        assertThat(KafkaTopics.cloudEvents("program.cohorts", "OfferDeclined", c.get(0).applicationId().toString(), 1, Duration.ofSeconds(20))).hasSize(1);
        List<JsonNode> promoted = KafkaTopics.cloudEvents("program.cohorts", "CandidateSelected", c.get(3).applicationId().toString(), 1, Duration.ofSeconds(20));
        assertThat(promoted).hasSize(1);
        assertThat(promoted.get(0).path("data").path("reason").asText()).isEqualTo("Promoted from the waitlist");
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CandidateWaitlisted", c.get(2).applicationId().toString(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** A waitlist position is a place in line: when the first is offered a place or a candidate leaves, those behind move up. */
    @Test
    void theWaitlistStaysNumberedFromOneAsPlacesAreOfferedAndCandidatesLeave() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 5);
        String cohort = Candidates.selectingCohort(call, 1);
        String declinedOffer = Candidates.select(cohort, c.get(0).applicationId());
        Candidates.waitlist(cohort, c.get(1).applicationId());
        Candidates.waitlist(cohort, c.get(2).applicationId());
        Candidates.waitlist(cohort, c.get(3).applicationId());

        // A candidate is in a cohort's line once: waitlisting one who is already there is refused.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", c.get(1).applicationId()))
                .post("/cohorts/{id}/waitlist", cohort).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:already-selected"));

        Candidates.decline(c.get(0), declinedOffer, "We joined another program");
        Candidates.waitlist(cohort, c.get(4).applicationId());
        List<Map<String, Object>> selections = selections(cohort);
        assertThat(status(selections, c.get(1).applicationId())).isEqualTo("OFFERED");
        assertThat(waitlistPosition(selections, c.get(2).applicationId())).isEqualTo(1);
        assertThat(waitlistPosition(selections, c.get(3).applicationId())).isEqualTo(2);
        assertThat(waitlistPosition(selections, c.get(4).applicationId())).isEqualTo(3);

        Candidates.withdraw(c.get(2), "Acquired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(selections(cohort), c.get(2).applicationId())).isEqualTo("WITHDRAWN"));
        assertThat(waitlistPosition(selections(cohort), c.get(3).applicationId())).isEqualTo(1);
        assertThat(waitlistPosition(selections(cohort), c.get(4).applicationId())).isEqualTo(2);
    }

    @Test
    void anExpiredOfferFreesItsPlaceForTheWaitlist() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 2);
        String cohort = Candidates.selectingCohort(call, 1);
        String offer = Candidates.select(cohort, c.get(0).applicationId());
        Candidates.waitlist(cohort, c.get(1).applicationId());

        TestClock.CLOCK.advance(Duration.ofDays(7).plusSeconds(1));
        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON).body(Map.of())
                .post("/offers/{id}/accept", offer).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:offer-expired"));
        assertThat(selections.expireDueOffers()).isGreaterThanOrEqualTo(1);

        given().auth().oauth2(c.get(0).token()).get("/offers/{id}", offer).then().body("status", equalTo("EXPIRED"));
        String promoted = given().auth().oauth2(c.get(1).token()).get("/offers").then()
                .body("[0].status", equalTo("OFFERED")).body("[0].waitlistPosition", nullValue()).extract().path("[0].id");
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "OfferExpired", c.get(0).applicationId().toString(), 1, Duration.ofSeconds(20))).hasSize(1);
        Candidates.accept(c.get(1), promoted);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(1));
    }

    @Test
    void anAdminEditsACohortWithTheVersionItReadAndNeverBelowThePlacesTaken() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> shortlisted = Candidates.shortlist(call, 6);
        String cohort = Candidates.selectingCohort(call, 7);
        shortlisted.forEach(candidate -> Candidates.select(cohort, candidate.applicationId()));
        Map<String, Object> read = given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().statusCode(200)
                .body("placesTaken", equalTo(6)).extract().jsonPath().getMap("$");

        Map<String, Object> edited = editable(read);
        edited.put("name", "AI Startup Program 2024 (extended)");
        edited.put("capacity", 8);
        edited.put("location", "Station F, Paris: Founders Program zone");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(edited).put("/cohorts/{id}", cohort).then().statusCode(200)
                .body("name", equalTo("AI Startup Program 2024 (extended)")).body("capacity", equalTo(8))
                .body("location", equalTo("Station F, Paris: Founders Program zone")).body("status", equalTo("SELECTING"))
                .body("version", equalTo(((Number) read.get("version")).intValue() + 1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(edited).put("/cohorts/{id}", cohort).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:stale-version"));

        Map<String, Object> current = editable(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().extract().jsonPath().getMap("$"));
        Map<String, Object> tooSmall = new HashMap<>(current);
        tooSmall.put("capacity", 5);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(tooSmall).put("/cohorts/{id}", cohort).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:capacity-below-taken")).body("placesTaken", equalTo(6));
        // Left out, the capacity is the default five: below the six places taken too.
        Map<String, Object> withoutCapacity = new HashMap<>(current);
        withoutCapacity.remove("capacity");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(withoutCapacity).put("/cohorts/{id}", cohort).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:capacity-below-taken"));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("capacity", equalTo(8)).body("placesTaken", equalTo(6));
        // Its offers were made from its call's shortlist: it cannot be pointed at another call now.
        Map<String, Object> anotherCall = new HashMap<>(current);
        anotherCall.put("callId", UUID.randomUUID());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(anotherCall).put("/cohorts/{id}", cohort).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:cohort-call-fixed")).body("currentStatus", equalTo("SELECTING"))
                .body("callId", equalTo(read.get("callId")));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("callId", equalTo(read.get("callId")));

        for (String reader : List.of(TestTokens.admin(), TestTokens.partner("META"), TestTokens.applicant("founder-" + UUID.randomUUID()))) {
            given().auth().oauth2(reader).get("/cohorts").then().statusCode(200)
                    .body("find { it.id == '" + cohort + "' }.name", equalTo("AI Startup Program 2024 (extended)"))
                    .body("find { it.id == '" + cohort + "' }.placesTaken", equalTo(6));
        }
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(current).put("/cohorts/{id}", cohort).then()
                .statusCode(403).contentType(PROBLEM);
    }

    /** The partners fund a sixth place while selecting: the first on the waitlist is offered it at once, as when a winner declines. */
    @Test
    void aCapacityRaisedWhileSelectingOffersTheNewPlacesToTheWaitlist() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 4);
        String cohort = Candidates.selectingCohort(call, 1);
        Candidates.select(cohort, c.get(0).applicationId());
        Candidates.waitlist(cohort, c.get(1).applicationId());
        Candidates.waitlist(cohort, c.get(2).applicationId());
        Candidates.waitlist(cohort, c.get(3).applicationId());

        Map<String, Object> raised = editable(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().extract().jsonPath().getMap("$"));
        raised.put("capacity", 3);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(raised).put("/cohorts/{id}", cohort).then().statusCode(200)
                .body("capacity", equalTo(3)).body("placesTaken", equalTo(3));

        List<Map<String, Object>> selections = selections(cohort);
        assertThat(status(selections, c.get(1).applicationId())).isEqualTo("OFFERED");
        assertThat(status(selections, c.get(2).applicationId())).isEqualTo("OFFERED");
        assertThat(waitlistPosition(selections, c.get(3).applicationId())).isEqualTo(1);
        given().auth().oauth2(c.get(1).token()).get("/offers").then().body("[0].status", equalTo("OFFERED"));
        List<JsonNode> promoted = KafkaTopics.cloudEvents("program.cohorts", "CandidateSelected", c.get(2).applicationId().toString(), 1, Duration.ofSeconds(20));
        assertThat(promoted).hasSize(1);
        assertThat(promoted.get(0).path("data").path("reason").asText()).isEqualTo("Promoted from the waitlist");
    }

    /** January comes with two startups still on the waitlist: they learn that no place came free, and a pending offer can still be taken. */
    @Test
    void theStartClosesTheWaitlistAndTellsThoseOnIt() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 3);
        String cohort = Candidates.selectingCohort(call, 1);
        String pendingOffer = Candidates.select(cohort, c.get(0).applicationId());
        String firstInLine = Candidates.waitlist(cohort, c.get(1).applicationId());
        Candidates.waitlist(cohort, c.get(2).applicationId());

        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200).body("status", equalTo("RUNNING"));

        List<Map<String, Object>> selections = selections(cohort);
        for (Candidates.Shortlisted waitlisted : List.of(c.get(1), c.get(2))) {
            assertThat(status(selections, waitlisted.applicationId())).isEqualTo("NOT_SELECTED");
            assertThat(waitlistPosition(selections, waitlisted.applicationId())).isNull();
            List<JsonNode> told = KafkaTopics.cloudEvents("program.cohorts", "CandidateNotSelected", waitlisted.applicationId().toString(), 1, Duration.ofSeconds(20));
            assertThat(told).hasSize(1);
            assertThat(told.get(0).path("data").path("reason").asText()).isEqualTo("The cohort started before a place came free");
        }
        given().auth().oauth2(c.get(1).token()).get(firstInLine).then().statusCode(200)
                .body("status", equalTo("NOT_SELECTED")).body("reason", equalTo("The cohort started before a place came free"));

        // The winner who had not answered yet still can.
        Candidates.accept(c.get(0), pendingOffer);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(1));
    }

    /**
     * Shortlisted startups never offered a place nor waitlisted hear back once no cohort of their call is left to select
     * from: not when a first cohort of the call starts, but when the last one does. One that withdrew has its answer already.
     */
    @Test
    void candidatesNeverPickedHearBackWhenTheCallsLastCohortStarts() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 4);
        String paris = Candidates.selectingCohort(call, 1);
        String remote = Candidates.selectingCohort(call, 1);
        Candidates.select(paris, c.get(0).applicationId());
        Candidates.withdraw(c.get(3), "Acquired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin()).queryParam("callId", call)
                .get("/candidates").then().body("find { it.applicationId == '" + c.get(3).applicationId() + "' }.withdrawnAt", org.hamcrest.Matchers.notNullValue()));

        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", paris).then().statusCode(200);
        given().auth().oauth2(c.get(1).token()).get("/offers").then().statusCode(200).body("size()", equalTo(0));

        Candidates.select(remote, c.get(1).applicationId());
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", remote).then().statusCode(200);

        List<Map<String, Object>> selections = selections(remote);
        assertThat(status(selections, c.get(1).applicationId())).isEqualTo("OFFERED");
        assertThat(status(selections, c.get(2).applicationId())).isEqualTo("NOT_SELECTED");
        assertThat(selections).extracting(selection -> selection.get("applicationId"))
                .as("nobody selected in the other cohort, nor the candidate that withdrew")
                .containsExactlyInAnyOrder(c.get(1).applicationId().toString(), c.get(2).applicationId().toString());
        given().auth().oauth2(c.get(2).token()).get("/offers").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].status", equalTo("NOT_SELECTED")).body("[0].cohortId", equalTo(remote))
                .body("[0].reason", equalTo("Not among the winners chosen before the cohort started"));
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CandidateNotSelected", c.get(2).applicationId().toString(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /**
     * A startup shortlisted after its call's cohorts have started (a late shortlist, or its event held up) is told at
     * once it was not selected, by the cohort that started last; while one of the call's cohorts still selects, it waits.
     */
    @Test
    void aCandidateShortlistedOnceTheCallsCohortsHaveStartedHearsItWasNotSelected() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> winners = Candidates.shortlist(call, 2);
        String paris = Candidates.selectingCohort(call, 1);
        String remote = Candidates.selectingCohort(call, 1);
        Candidates.select(paris, winners.get(0).applicationId());
        Candidates.select(remote, winners.get(1).applicationId());
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", paris).then().statusCode(200);

        Candidates.Shortlisted whileRemoteSelects = Candidates.shortlistOneMore(call, 3);
        given().auth().oauth2(whileRemoteSelects.token()).get("/offers").then().statusCode(200).body("size()", equalTo(0));

        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", remote).then().statusCode(200);
        Candidates.Shortlisted afterBothStarted = Candidates.shortlistOneMore(call, 4);

        given().auth().oauth2(afterBothStarted.token()).get("/offers").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].status", equalTo("NOT_SELECTED")).body("[0].cohortId", equalTo(remote))
                .body("[0].reason", equalTo("Shortlisted after the call's last cohort started"));
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CandidateNotSelected", afterBothStarted.applicationId().toString(), 1,
                Duration.ofSeconds(20))).hasSize(1);
        given().auth().oauth2(whileRemoteSelects.token()).get("/offers").then().statusCode(200)
                .body("status", equalTo(List.of("NOT_SELECTED"))).body("[0].reason", equalTo("Not among the winners chosen before the cohort started"));
    }

    /** An admin starts a call's two cohorts at once: the candidate never picked still hears back, once. */
    @Test
    void theCallsTwoCohortsStartingAtOnceStillTellTheCandidatesNeverPicked() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID call = UUID.randomUUID();
            List<Candidates.Shortlisted> c = Candidates.shortlist(call, 2);
            String paris = Candidates.selectingCohort(call, 1);
            String remote = Candidates.selectingCohort(call, 1);
            Candidates.select(paris, c.get(0).applicationId());

            List<io.restassured.response.Response> answers = AllAtOnce.run(List.<Callable<io.restassured.response.Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", paris),
                    () -> given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", remote)));

            assertThat(answers).extracting(io.restassured.response.Response::statusCode).as("round %d", round).containsOnly(200);
            given().auth().oauth2(c.get(1).token()).get("/offers").then().statusCode(200)
                    .body("status", equalTo(List.of("NOT_SELECTED")));
        }
    }

    /**
     * A startup's shortlist event lands while its call's last cohort starts: it hears it was not selected, once, whether
     * the start saw it as a candidate or it arrived after the start; never left waiting for an answer that cannot come.
     */
    @Test
    void aCandidateShortlistedWhileTheCallsLastCohortStartsHearsItWasNotSelected() throws Exception {
        for (int round = 0; round < 40; round++) {
            UUID call = UUID.randomUUID();
            String cohort = Candidates.selectingCohort(call, 1);
            Candidates.Shortlisted late = new Candidates.Shortlisted(UUID.randomUUID(), "startup-" + UUID.randomUUID(), "Late Startup");
            var shortlisted = new org.apache.kafka.clients.consumer.ConsumerRecord<>("program.applications", 0, round,
                    late.applicationId().toString(), Candidates.shortlistedEvent(UUID.randomUUID().toString(), late.applicationId(),
                            call, late.applicantId(), late.company(), 1));
            int delay = round;
            AllAtOnce.run(List.<Callable<Object>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200),
                    () -> {
                        // A millisecond later each round, so that the event lands before, during and after the start
                        // (here it landed during the start from about 9 to 18 ms).
                        Thread.sleep(delay);
                        applicationEvents.consume(shortlisted);
                        return null;
                    }));

            given().auth().oauth2(late.token()).get("/offers").then().statusCode(200)
                    .body("status", equalTo(List.of("NOT_SELECTED"))).body("[0].cohortId", equalTo(cohort));
        }
    }

    /** An offer left unanswered until the program is over: there is nothing left to join, and nobody is enrolled who would never graduate. */
    @Test
    void anOfferStillPendingWhenTheCohortCompletesCanNoLongerBeAccepted() {
        UUID call = UUID.randomUUID();
        Candidates.Shortlisted late = Candidates.shortlist(call, 1).get(0);
        String cohort = Candidates.selectingCohort(call, 5);
        String offer = Candidates.select(cohort, late.applicationId());
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/complete", cohort).then().statusCode(200);

        given().auth().oauth2(late.token()).contentType(ContentType.JSON).body(Map.of()).post("/offers/{id}/accept", offer).then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:cohort-completed"));
        given().auth().oauth2(late.token()).get("/members/me").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(late.token()).get("/offers/{id}", offer).then().body("status", equalTo("OFFERED"));
    }

    /** An admin lowers the capacity to the places taken while another selects one more: one of them is refused, never both done. */
    @Test
    void aCapacityLoweredWhileAPlaceIsTakenIsNeverExceeded() throws Exception {
        for (int round = 0; round < 8; round++) {
            UUID call = UUID.randomUUID();
            List<Candidates.Shortlisted> shortlisted = Candidates.shortlist(call, 3);
            String cohort = Candidates.selectingCohort(call, 3);
            Candidates.select(cohort, shortlisted.get(0).applicationId());
            Candidates.select(cohort, shortlisted.get(1).applicationId());
            Map<String, Object> lowered = editable(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort)
                    .then().extract().jsonPath().getMap("$"));
            lowered.put("capacity", 2);

            List<io.restassured.response.Response> answers = AllAtOnce.run(List.<Callable<io.restassured.response.Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(lowered).put("/cohorts/{id}", cohort),
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                            .body(Map.of("applicationId", shortlisted.get(2).applicationId())).post("/cohorts/{id}/selections", cohort)));

            JsonNode after = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().extract().asString());
            assertThat(after.get("placesTaken").asInt()).as("round %d: %s", round, after).isLessThanOrEqualTo(after.get("capacity").asInt());
            assertThat(answers).extracting(io.restassured.response.Response::statusCode).as("round %d", round)
                    .containsAnyOf(409).doesNotContain(500);
        }
    }

    /** What an edit sends back of the cohort read: the fields of a cohort request, with the version read. */
    private static Map<String, Object> editable(Map<String, Object> cohort) {
        Map<String, Object> request = new HashMap<>(cohort);
        request.keySet().retainAll(List.of("name", "edition", "callId", "startDate", "endDate", "timeZone", "capacity", "location",
                "offerValidity", "version"));
        return request;
    }

    /** A founder double-clicks "accept": one acceptance, one membership, and the other answer says the offer is accepted. */
    @Test
    void anOfferAcceptedTwiceAtOnceEnrollsOnceAndIsThenNoLongerOpen() throws Exception {
        UUID call = UUID.randomUUID();
        Candidates.Shortlisted winner = Candidates.shortlist(call, 1).get(0);
        String cohort = Candidates.selectingCohort(call, 5);
        String offer = Candidates.select(cohort, winner.applicationId());

        List<io.restassured.response.Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(winner.token())
                .contentType(ContentType.JSON).body(Map.of()).post("/offers/{id}/accept", offer));
        assertThat(answers).extracting(io.restassured.response.Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement().satisfies(answer -> {
            assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:offer-not-open");
            assertThat(answer.jsonPath().getString("currentStatus")).isEqualTo("ACCEPTED");
        });
        String member = given().auth().oauth2(winner.token()).get("/members/me").then().statusCode(200).body("size()", equalTo(1))
                .extract().path("[0].id");
        given().auth().oauth2(winner.token()).contentType(ContentType.JSON).body(Map.of("reason", "Changed our mind"))
                .post("/offers/{id}/decline", offer).then().statusCode(409).contentType(PROBLEM)
                .body("currentStatus", equalTo("ACCEPTED"));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(1));
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "MemberEnrolled", member, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    /** A startup withdraws its application as an admin selects it: it is refused, or its fresh offer is withdrawn; never an offer left to a startup gone. */
    @Test
    void aCandidateWithdrawingWhileSelectedKeepsNoOffer() throws Exception {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> shortlisted = Candidates.shortlist(call, 12);
        String cohort = Candidates.selectingCohort(call, 20);
        for (int round = 0; round < shortlisted.size(); round++) {
            Candidates.Shortlisted candidate = shortlisted.get(round);
            int delay = round;
            var withdrawn = new org.apache.kafka.clients.consumer.ConsumerRecord<>("program.applications", 0, round,
                    candidate.applicationId().toString(), ApplicationEventsConsumerTest.cloudEvent(UUID.randomUUID().toString(),
                            "ApplicationWithdrawn", candidate.applicationId(),
                            "{\"applicationId\": \"" + candidate.applicationId() + "\", \"reason\": \"Joined another program\"}"));
            List<Object> answers = AllAtOnce.run(List.<Callable<Object>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                            .body(Map.of("applicationId", candidate.applicationId())).post("/cohorts/{id}/selections", cohort),
                    () -> {
                        // Later each round, so that the withdrawal lands before, during and after the selection.
                        Thread.sleep(2L * delay);
                        applicationEvents.consume(withdrawn);
                        return null;
                    }));
            io.restassured.response.Response selected = (io.restassured.response.Response) answers.get(0);
            if (selected.statusCode() == 201) {
                given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/selections", cohort).then()
                        .body("find { it.applicationId == '" + candidate.applicationId() + "' }.status", equalTo("WITHDRAWN"));
            } else {
                assertThat(selected.statusCode()).as("round %d", round).isEqualTo(409);
                assertThat(selected.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:candidate-withdrawn");
            }
        }
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("placesTaken", equalTo(0));
    }

    @Test
    void theLifecycleRefusesIllegalTransitions() {
        UUID call = UUID.randomUUID();
        String cohort = Candidates.cohort(call, 5);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:invalid-transition"))
                .body("currentStatus", equalTo("PLANNED"));
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/complete", cohort).then().statusCode(409);
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 1);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", c.get(0).applicationId()))
                .post("/cohorts/{id}/selections", cohort).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-not-selecting"));
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/open-selection", cohort).then().statusCode(200).body("status", equalTo("SELECTING"));
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/open-selection", cohort).then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200).body("status", equalTo("RUNNING"));
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/open-selection", cohort).then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/complete", cohort).then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(409);
    }

    /**
     * A call with two cohorts: a startup offered a place, or waitlisted, in one is not selected in the other too, even
     * once it declined, so it never holds two places nor gets a second member's grants, and its application follows one
     * cohort's answer.
     */
    @Test
    void aStartupIsSelectedInOneCohortOfItsCallOnly() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 3);
        String paris = Candidates.selectingCohort(call, 1);
        String remote = Candidates.selectingCohort(call, 2);
        String offer = Candidates.select(paris, c.get(0).applicationId());
        Candidates.waitlist(paris, c.get(1).applicationId());

        for (String path : List.of("/cohorts/{id}/selections", "/cohorts/{id}/waitlist")) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", c.get(i).applicationId()))
                        .post(path, remote).then().statusCode(409).contentType(PROBLEM)
                        .body("type", equalTo("urn:ai-startup-program:problem:selected-in-another-cohort"))
                        .body("cohortId", equalTo(paris)).body("selectionStatus", equalTo(i == 0 ? "OFFERED" : "WAITLISTED"));
            }
        }
        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON).body(Map.of("reason", "Joining another program"))
                .post("/offers/{id}/decline", offer).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", c.get(0).applicationId()))
                .post("/cohorts/{id}/selections", remote).then().statusCode(409).body("selectionStatus", equalTo("DECLINED"));

        Candidates.select(remote, c.get(2).applicationId());
        assertThat(selections(remote)).extracting(selection -> selection.get("applicationId")).containsExactly(c.get(2).applicationId().toString());
        assertThat(selections(paris)).extracting(selection -> selection.get("status")).containsExactlyInAnyOrder("DECLINED", "OFFERED");
    }

    /** The admin choosing winners reads, on the shortlist itself, who holds an offer, who waits in line and who is still free. */
    @Test
    void theShortlistShowsWhereEachCandidateStands() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 3);
        String cohort = Candidates.selectingCohort(call, 1);
        String offer = Candidates.select(cohort, c.get(0).applicationId());
        Candidates.waitlist(cohort, c.get(1).applicationId());

        String candidate = "find { it.applicationId == '%s' }.selection";
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).get("/candidates").then().statusCode(200)
                .body(candidate.formatted(c.get(0).applicationId()) + ".id", equalTo(offer))
                .body(candidate.formatted(c.get(0).applicationId()) + ".cohortId", equalTo(cohort))
                .body(candidate.formatted(c.get(0).applicationId()) + ".status", equalTo("OFFERED"))
                .body(candidate.formatted(c.get(1).applicationId()) + ".status", equalTo("WAITLISTED"))
                .body(candidate.formatted(c.get(1).applicationId()) + ".waitlistPosition", equalTo(1))
                .body(candidate.formatted(c.get(2).applicationId()), nullValue());
        given().auth().oauth2(TestTokens.admin()).get("/candidates/{id}", c.get(1).applicationId()).then().statusCode(200)
                .body("selection.status", equalTo("WAITLISTED")).body("selection.cohortId", equalTo(cohort));
        given().auth().oauth2(TestTokens.admin()).get("/candidates/{id}", c.get(2).applicationId()).then().statusCode(200)
                .body("selection", nullValue());
    }

    /** Two admins select the same startup in two cohorts of its call at the same moment: one gets it, the other a 409. */
    @Test
    void oneStartupSelectedInTwoCohortsAtOnceGetsOnePlace() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID call = UUID.randomUUID();
            Candidates.Shortlisted startup = Candidates.shortlist(call, 1).get(0);
            String paris = Candidates.selectingCohort(call, 5);
            String remote = Candidates.selectingCohort(call, 5);

            List<io.restassured.response.Response> answers = AllAtOnce.run(List.<Callable<io.restassured.response.Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", startup.applicationId()))
                            .post("/cohorts/{id}/selections", paris),
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", startup.applicationId()))
                            .post("/cohorts/{id}/selections", remote)));

            assertThat(answers).extracting(io.restassured.response.Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            given().auth().oauth2(startup.token()).get("/offers").then().statusCode(200).body("status", equalTo(List.of("OFFERED")));
        }
    }

    /**
     * An admin clicks "Execute" twice on a new cohort: one cohort is made, the second click is told where the first is.
     * A duplicate could never be removed, and, planned forever, it would keep the candidates never picked from hearing so.
     */
    @Test
    void aCohortCreatedTwiceIsMadeOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID call = UUID.randomUUID();
            Map<String, Object> cohort = Map.of("name", "AI Startup Program 2025", "edition", "2025", "callId", call,
                    "startDate", "2025-01-08", "endDate", "2025-06-27");
            List<io.restassured.response.Response> answers = AllAtOnce.run(List.<Callable<io.restassured.response.Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(cohort).post("/cohorts"),
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(cohort).post("/cohorts")));

            assertThat(answers).extracting(io.restassured.response.Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            String created = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow().path("id");
            answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow().then().contentType(PROBLEM)
                    .body("type", equalTo("urn:ai-startup-program:problem:cohort-exists")).body("cohortId", equalTo(created));
            given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).get("/cohorts").then().body("id", equalTo(List.of(created)));
        }

        UUID call = UUID.randomUUID();
        String paris = Candidates.cohort(call, 5);
        String parisName = given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", paris).then().extract().path("name");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "  " + parisName.toUpperCase() + " ", "edition", "2025", "callId", call, "startDate", "2025-01-08", "endDate", "2025-06-27"))
                .post("/cohorts").then().statusCode(409).body("cohortId", equalTo(paris));
        // The same name in another call's edition is another cohort.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", parisName, "edition", "2025", "callId", UUID.randomUUID(), "startDate", "2025-01-08", "endDate", "2025-06-27"))
                .post("/cohorts").then().statusCode(201);
        // Renaming another cohort of the call to it is refused too, and changes nothing.
        String remote = Candidates.cohort(call, 5);
        Map<String, Object> renamed = editable(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", remote).then().extract().jsonPath().getMap("$"));
        String remoteName = (String) renamed.get("name");
        renamed.put("name", parisName);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(renamed).put("/cohorts/{id}", remote).then()
                .statusCode(409).contentType(PROBLEM).body("cohortId", equalTo(paris));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", remote).then().body("name", equalTo(remoteName));
        // Its own name, kept through an edit, is no conflict.
        renamed.put("name", remoteName);
        renamed.put("location", "Remote, with demo day at Station F");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(renamed).put("/cohorts/{id}", remote).then().statusCode(200);
        // Still planned, it may yet be pointed at the call it was meant for.
        Map<String, Object> moved = editable(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", remote).then().extract().jsonPath().getMap("$"));
        UUID meantFor = UUID.randomUUID();
        moved.put("callId", meantFor);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(moved).put("/cohorts/{id}", remote).then().statusCode(200)
                .body("callId", equalTo(meantFor.toString()));
    }

    /**
     * A cohort made for the wrong call is discarded while still planned, its draft calendar and milestones with it; left
     * there, it would have kept the call's candidates never picked from hearing back when the real cohort starts.
     */
    @Test
    void aPlannedCohortMadeByMistakeIsDiscarded() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 2);
        String cohort = Candidates.selectingCohort(call, 1);
        String mistake = Candidates.cohort(call, 5);
        LocalDate start = Candidates.startDate(mistake);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "WORKSHOP", "title", "Kick-off", "startsAt", start + "T10:00:00+01:00", "endsAt", start + "T12:00:00+01:00",
                        "location", "Station F"))
                .post("/cohorts/{id}/calendar", mistake).then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("title", "First paying pilot", "dueDate", start.plusMonths(1).toString()))
                .post("/cohorts/{id}/milestones", mistake).then().statusCode(201);

        given().auth().oauth2(TestTokens.partner("META")).delete("/cohorts/{id}", mistake).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}", cohort).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-not-planned")).body("currentStatus", equalTo("SELECTING"));
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}", mistake).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", mistake).then().statusCode(404).contentType(PROBLEM);
        List<JsonNode> discarded = KafkaTopics.cloudEvents("program.cohorts", "CohortDiscarded", mistake, 1, Duration.ofSeconds(20));
        assertThat(discarded).hasSize(1);
        assertThat(discarded.get(0).at("/data/cohortId").asText()).isEqualTo(mistake);
        assertThat(discarded.get(0).at("/data/startDate").asText()).isEqualTo(start.toString());
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}", mistake).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).get("/cohorts").then().body("id", equalTo(List.of(cohort)));

        Candidates.select(cohort, c.get(0).applicationId());
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200);
        given().auth().oauth2(c.get(1).token()).get("/offers").then().statusCode(200).body("status", equalTo(List.of("NOT_SELECTED")));
    }

    /** The frontend lists one call's cohorts, or those running now, without reading every edition's. */
    @Test
    void cohortsAreListedForOneCallOrInOneStatus() {
        UUID call = UUID.randomUUID();
        String planned = Candidates.cohort(call, 5);
        String selecting = Candidates.selectingCohort(call, 5);
        String anotherCalls = Candidates.cohort(UUID.randomUUID(), 5);

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("callId", call).get("/cohorts").then().statusCode(200)
                .body("id", containsInAnyOrder(planned, selecting)).body("callId", everyItem(equalTo(call.toString())));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("status", "SELECTING").get("/cohorts").then().statusCode(200)
                .body("id", equalTo(List.of(selecting)));
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "PLANNED").get("/cohorts").then().statusCode(200)
                .body("id", hasItems(planned, anotherCalls)).body("id", not(hasItem(selecting))).body("status", everyItem(equalTo("PLANNED")));

        given().auth().oauth2(TestTokens.admin()).queryParam("status", "STARTED").get("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", "2024-edition").get("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("callId")));
    }

    @Test
    void badCohortsAndSelectionsAreProblemsNamingTheField() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards", "edition", "2024", "callId", UUID.randomUUID(), "startDate", "2024-06-30", "endDate", "2024-01-01"))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("endDate"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Two mistakes", "edition", "2024", "callId", UUID.randomUUID(), "startDate", "2024-06-30", "endDate", "2024-01-01",
                        "offerValidity", "P100D"))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("endDate", "offerValidity"))
                .body("detail", equalTo("endDate: must be after startDate; offerValidity: must be between PT1S and P90D"));
        // Dates and durations are ISO-8601 text: 19000 days since 1970 or 604800 seconds are not read as one.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Epoch day", "edition", "2024", "callId", UUID.randomUUID(), "startDate", 19000, "endDate", "2024-06-28"))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("startDate")).body("errors.message[0]", equalTo("must be an ISO-8601 date such as 2024-01-15"));
        // A browser's toISOString() is an instant, not a date: 23:30 UTC on the 8th is already the 9th in Paris.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "An instant", "edition", "2024", "callId", UUID.randomUUID(), "startDate", "2024-01-08T23:30:00.000Z", "endDate", "2024-06-28"))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("startDate")).body("errors.message[0]", startsWith("must be an ISO-8601 date such as 2024-01-15"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Seconds", "edition", "2024", "callId", UUID.randomUUID(), "startDate", "2024-01-08", "endDate", "2024-06-28",
                        "offerValidity", 604800))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("offerValidity")).body("errors.message[0]", equalTo("must be an ISO-8601 duration such as PT2H"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Zero", "edition", "2024", "callId", UUID.randomUUID(), "startDate", "2024-01-08", "endDate", "2024-06-28", "capacity", 0))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("capacity"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad date", "edition", "2024", "callId", "not-a-uuid", "startDate", "January", "endDate", "2024-06-28"))
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of())
                .post("/cohorts").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("callId"));
        String cohort = Candidates.selectingCohort(UUID.randomUUID(), 5);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", UUID.randomUUID()))
                .post("/cohorts/{id}/selections", cohort).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("applicationId"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"applicationId\": 42}")
                .post("/cohorts/{id}/selections", cohort).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("applicationId", UUID.randomUUID()))
                .post("/cohorts/{id}/selections", cohort).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.applicant("x")).get("/offers/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    private static List<Map<String, Object>> selections(String cohort) {
        return given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/selections", cohort).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String status(List<Map<String, Object>> selections, UUID applicationId) {
        return (String) selectionOf(selections, applicationId).get("status");
    }

    private static Integer waitlistPosition(List<Map<String, Object>> selections, UUID applicationId) {
        return (Integer) selectionOf(selections, applicationId).get("waitlistPosition");
    }

    private static Map<String, Object> selectionOf(List<Map<String, Object>> selections, UUID applicationId) {
        return selections.stream().filter(s -> s.get("applicationId").equals(applicationId.toString())).findFirst().orElseThrow();
    }
}
