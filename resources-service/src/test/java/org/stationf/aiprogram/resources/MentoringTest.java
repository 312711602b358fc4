package org.stationf.aiprogram.resources;

import org.stationf.aiprogram.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.LockModeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.resources.mentoring.Mentor;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class MentoringTest {

    private static final String PROBLEM = "application/problem+json";

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void twoMembersBookingOneSlotAtOnceGiveOneBookingAndOne409() throws Exception {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        List<Program.Member> members = List.of(Program.enroll(cohort), Program.enroll(cohort));
        members.forEach(member -> Program.activate(Program.grantOf(member, "META"), "META"));
        String slot = slot(mentor(), 3, 1);

        List<Response> answers = AllAtOnce.run(members.stream().<Callable<Response>>map(member -> () -> booking(member, slot)).toList());
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                .extracting(answer -> answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:slot-taken");
    }

    @Test
    void deliveredMissedAndLateCancelledSessionsDebitHoursAndEarlyCancellationIsFree() {
        Program.MemberGrant activated = Program.activeGrant("META", "30000.00");
        Program.Member member = activated.member();
        String hours = activated.grantId();
        String mentor = mentor();

        String delivered = book(member, slot(mentor, 2, 1.5));
        String early = book(member, slot(mentor, 5, 1));
        String late = book(member, slot(mentor, 1, 2));
        String missed = book(member, slot(mentor, 3, 1));

        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/delivered", delivered).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:session-not-started"));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                .post("/sessions/{id}/cancel", early).then().statusCode(200).body("status", equalTo("CANCELLED_EARLY"));
        TestClock.CLOCK.advance(Duration.ofDays(1).plusHours(1));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Sick"))
                .post("/sessions/{id}/cancel", late).then().statusCode(200).body("status", equalTo("CANCELLED_LATE"));
        TestClock.CLOCK.advance(Duration.ofDays(2));
        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/delivered", delivered).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/no-show", missed).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/delivered", delivered).then().statusCode(409);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).post("/sessions/{id}/delivered", missed).then().statusCode(404);
        // An ended session stays as it ended: no second debit, no cancellation after the fact.
        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/no-show", delivered).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:session-ended"));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Too late to say"))
                .post("/sessions/{id}/cancel", missed).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:session-ended"));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Twice"))
                .post("/sessions/{id}/cancel", early).then().statusCode(409).body("detail", containsString("CANCELLED_EARLY"));

        // 20 hours: 2 (late cancellation) + 1.5 (delivered) + 1 (no-show) debited; the early cancellation is free.
        given().auth().oauth2(member.token()).get("/grants/{id}", hours).then().body("balance", equalTo(15.5f)).body("used", equalTo(4.5f));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", hours).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "DEBIT", "DEBIT"))).body("ledgerSum", equalTo(15.5f));
    }

    /**
     * A member leaves with three sessions booked: the one still to come is cancelled free of charge and its slot
     * reopens for other members; the hours of the two that have taken place are held back from the revocation until
     * the mentor's side reports them, so a delivered session still counts as used.
     */
    @Test
    void aMemberLeavingHasItsSessionsToComeCancelledAndThoseTakenPlaceReportedAsUsual() {
        Program.MemberGrant activated = Program.activeGrant("META", "30000.00");
        Program.Member member = activated.member();
        String hours = activated.grantId();
        String mentor = mentor();
        String delivered = book(member, slot(mentor, 1, 1.5));
        String cancelledByMentor = book(member, slot(mentor, 2, 1));
        String laterSlot = slot(mentor, 10, 2);
        String later = book(member, laterSlot);
        TestClock.CLOCK.advance(Duration.ofDays(3));

        Program.withdraw(member, "Acquired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", hours).then().body("status", equalTo("REVOKED")));
        given().auth().oauth2(member.token()).get("/sessions/{id}", later).then().statusCode(200)
                .body("status", equalTo("CANCELLED_GRANT_ENDED")).body("note", containsString("grant was revoked (The member left the cohort: Acquired)"));
        given().auth().oauth2(TestTokens.partner("META")).get("/slots/{id}", laterSlot).then().body("status", equalTo("OPEN"));
        book(Program.activeGrant("META", "30000.00").member(), laterSlot);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", hours).then()
                .body("entries.type", equalTo(List.of("GRANT", "REVOKE"))).body("entries[1].amount", equalTo(-17.5f))
                .body("balance", equalTo(2.5f));

        given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/delivered", delivered).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("reason", "Mentor was ill"))
                .post("/sessions/{id}/cancel", cancelledByMentor).then().statusCode(200).body("status", equalTo("CANCELLED_BY_MENTOR"));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", hours).then()
                .body("entries.type", equalTo(List.of("GRANT", "REVOKE", "DEBIT", "REVOKE")))
                .body("entries.amount", equalTo(List.of(20.0f, -17.5f, -1.5f, -1.0f)))
                .body("balance", equalTo(0.0f)).body("ledgerSum", equalTo(0.0f));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", hours).then().body("status", equalTo("REVOKED")).body("used", equalTo(1.5f));
        // The grant's balance reached zero, but it had ended: no balance alert goes to the partner.
        assertThat(KafkaTopics.cloudEvents("program.grants", "GrantRevoked", hours, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(KafkaTopics.cloudEvents("program.grants", "BalanceLow", hours, 1, Duration.ofSeconds(3))).isEmpty();
    }

    /** A mentor's system sends its delivery report twice at once: one debits the hours, the other is told the session ended. */
    @Test
    void aDeliveryReportedTwiceAtOnceDebitsOnce() throws Exception {
        Program.MemberGrant activated = Program.activeGrant("META", "30000.00");
        String session = book(activated.member(), slot(mentor(), 1, 2));
        TestClock.CLOCK.advance(Duration.ofDays(2));

        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.partner("META")).post("/sessions/{id}/delivered", session));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                .extracting(answer -> answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:session-ended");
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", activated.grantId()).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT"))).body("balance", equalTo(18.0f));
    }

    @Test
    void bookingNeedsEnoughHoursAndYourOwnMember() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member member = Program.enroll(cohort);
        String mentor = mentor();
        String slot = slot(mentor, 2, 1);
        booking(member, slot).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:no-mentoring-grant"));
        Program.activate(Program.grantOf(member, "META"), "META");
        given().auth().oauth2(TestTokens.applicant("not-the-owner")).contentType(ContentType.JSON).body(Map.of("memberId", member.memberId()))
                .post("/slots/{id}/booking", slot).then().statusCode(400).contentType(PROBLEM);
        String whole = slot(mentor, 4, 8);
        book(member, whole);
        book(member, slot(mentor, 5, 8));
        booking(member, slot(mentor, 6, 8)).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:insufficient-balance"))
                .body("booked", equalTo("16.00"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(4).toString(), "endsAt", at(4).plusHours(1).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:slot-overlap"));
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(9).toString(), "endsAt", at(9).plusHours(1).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(404);
    }

    @Test
    void aSlotLastsFromAQuarterOfAnHourToEightHours() {
        String mentor = mentor();
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(3).toString(), "endsAt", at(3).plusSeconds(30).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("endsAt")))
                .body("errors.message[0]", equalTo("a slot lasts at least 15 minutes"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(3).toString(), "endsAt", at(3).plusHours(8).plusMinutes(1).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("endsAt")))
                .body("errors.message[0]", equalTo("a slot lasts at most 8 hours"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(3).toString(), "endsAt", at(3).plusMinutes(15).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(201).body("hours", equalTo(0.25f));
    }

    @Test
    void slotTimesAreIsoTextNotEpochNumbers() {
        String mentor = mentor();
        // A browser's Date.now() (milliseconds) read as seconds would be a slot in the year 55840.
        long millis = at(3).toInstant().toEpochMilli();
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", millis, "endsAt", at(3).plusHours(1).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("startsAt"))
                .body("errors.message[0]", startsWith("must be an ISO-8601 instant"));
        given().auth().oauth2(TestTokens.partner("META")).get("/mentors/{id}/slots", mentor).then().statusCode(200).body("id", empty());
    }

    @Test
    void aMentorsSlotsAreReadByItsPartnerAndMembersButNotByAnotherPartner() {
        String mentor = mentor();
        String slot = slot(mentor, 3, 1);
        given().auth().oauth2(TestTokens.partner("META")).get("/mentors/{id}/slots", mentor).then().statusCode(200)
                .body("id", equalTo(List.of(slot))).body("mentorName", equalTo(List.of("Dr. Lea Fontaine")));
        given().auth().oauth2(TestTokens.applicant("founder-" + UUID.randomUUID())).get("/mentors/{id}/slots", mentor).then().statusCode(200)
                .body("id", equalTo(List.of(slot)));
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get("/mentors/{id}/slots", mentor).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/mentors/{id}/slots", UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);

        // The open slots of every mentor, as members browse them to book: another partner's mentors are not in its list.
        given().auth().oauth2(TestTokens.applicant("founder-" + UUID.randomUUID())).get("/slots").then().statusCode(200).body("id", hasItem(slot));
        given().auth().oauth2(TestTokens.admin()).get("/slots").then().statusCode(200).body("id", hasItem(slot));
        given().auth().oauth2(TestTokens.partner("META")).get("/slots").then().statusCode(200).body("id", hasItem(slot));
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get("/slots").then().statusCode(200)
                .body("id", not(hasItem(slot))).body("mentorName", not(hasItem("Dr. Lea Fontaine")));
    }

    @Test
    void aMentorsSlotsAreReadAWeekAtATime() {
        String mentor = mentor();
        String thisWeek = slot(mentor, 2, 1);
        String nextWeek = slot(mentor, 9, 1);
        String later = slot(mentor, 16, 1);
        String partner = TestTokens.partner("META");
        given().auth().oauth2(partner).queryParam("from", at(7).toString()).queryParam("to", at(14).toString())
                .get("/mentors/{id}/slots", mentor).then().statusCode(200).body("id", equalTo(List.of(nextWeek)));
        given().auth().oauth2(partner).queryParam("from", at(7).toString())
                .get("/mentors/{id}/slots", mentor).then().statusCode(200).body("id", equalTo(List.of(nextWeek, later)));
        given().auth().oauth2(partner).queryParam("to", at(8).toString())
                .get("/mentors/{id}/slots", mentor).then().statusCode(200).body("id", equalTo(List.of(thisWeek)));
        // Paris time, its '+' left unencoded as people type it in a query string: read as the offset it was.
        String inParis = at(7).atZoneSameInstant(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString();
        given().auth().oauth2(partner).urlEncodingEnabled(false).queryParam("from", inParis)
                .get("/mentors/{id}/slots", mentor).then().statusCode(200).body("id", equalTo(List.of(nextWeek, later)));

        given().auth().oauth2(partner).queryParam("from", "next monday")
                .get("/mentors/{id}/slots", mentor).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("from")))
                .body("errors.message[0]", startsWith("must be an ISO-8601 instant"));
        given().auth().oauth2(partner).queryParam("from", at(14).toString()).queryParam("to", at(7).toString())
                .get("/mentors/{id}/slots", mentor).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("to")));
    }

    @Test
    void sessionsAreListedPerCallerInTheOrderTheyTakePlaceAndAPageAtATime() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member first = Program.enroll(cohort);
        Program.Member second = Program.enroll(cohort);
        List.of(first, second).forEach(member -> Program.activate(Program.grantOf(member, "META"), "META"));
        String mentor = mentor();
        String later = book(first, slot(mentor, 3, 1));
        String sooner = book(first, slot(mentor, 1, 1));
        String others = book(second, slot(mentor, 2, 1));

        given().auth().oauth2(first.token()).get("/sessions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(sooner, later)))
                .body("items.mentorName", everyItem(equalTo("Dr. Lea Fontaine")));
        given().auth().oauth2(first.token()).queryParam("memberId", second.memberId()).get("/sessions").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(TestTokens.partner("META")).queryParam("memberId", second.memberId()).get("/sessions").then().statusCode(200)
                .body("items.id", equalTo(List.of(others)));
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).queryParam("mentorId", mentor).get("/sessions").then().statusCode(200)
                .body("total", equalTo(0));

        given().auth().oauth2(first.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                .post("/sessions/{id}/cancel", later).then().statusCode(200);
        given().auth().oauth2(first.token()).queryParam("status", "BOOKED").get("/sessions").then().statusCode(200)
                .body("items.id", equalTo(List.of(sooner)));

        given().auth().oauth2(TestTokens.admin()).queryParam("mentorId", mentor).queryParam("size", 2).get("/sessions").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(sooner, others)));
        given().auth().oauth2(TestTokens.admin()).queryParam("mentorId", mentor).queryParam("size", 2).queryParam("page", 1).get("/sessions")
                .then().statusCode(200).body("items.id", equalTo(List.of(later))).body("items[0].status", equalTo("CANCELLED_EARLY"));

        given().auth().oauth2(TestTokens.admin()).queryParam("status", "DONE").get("/sessions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.admin()).queryParam("mentorId", "lea").get("/sessions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("mentorId"));
    }

    @Test
    void aMentorWhoLeavesTakesNoMoreBookingsAndKeepsTheSessionsAlreadyBooked() {
        Program.Member member = memberWithMetaMentoringHours();
        String mentor = mentor();
        String booked = book(member, slot(mentor, 2, 1));
        String open = slot(mentor, 3, 1);

        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).post("/mentors/{id}/deactivate", mentor).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).post("/mentors/{id}/deactivate", mentor).then().statusCode(200)
                .body("active", equalTo(false));

        given().auth().oauth2(member.token()).get("/slots").then().statusCode(200).body("id", not(hasItem(open)));
        given().auth().oauth2(member.token()).get("/mentors").then().statusCode(200).body("id", not(hasItem(mentor)));
        booking(member, open).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:slot-taken"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", at(4).toString(), "endsAt", at(4).plusHours(1).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:mentor-inactive"));
        given().auth().oauth2(member.token()).queryParam("status", "BOOKED").get("/sessions").then().statusCode(200)
                .body("items.id", equalTo(List.of(booked)));

        given().auth().oauth2(TestTokens.admin()).post("/mentors/{id}/activate", mentor).then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(TestTokens.partner("META")).get("/mentors/{id}/slots", mentor).then().statusCode(200)
                .body("find { it.id == '" + open + "' }.status", equalTo("CANCELLED"));
        // The withdrawn slot's hours are free again for the mentor to publish.
        book(member, slot(mentor, 3, 1));
    }

    /** A mentor's plans change: its partner takes back an open slot, never one a member has booked or one that has started. */
    @Test
    void aPartnerWithdrawsAnOpenSlotButNotABookedOrAStartedOne() {
        Program.Member member = memberWithMetaMentoringHours();
        String mentor = mentor();
        String open = slot(mentor, 3, 1);
        String booked = slot(mentor, 4, 1);
        String session = book(member, booked);
        String soon = slot(mentor, 1, 1);

        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).delete("/slots/{id}", open).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(member.token()).delete("/slots/{id}", open).then().statusCode(403);
        given().auth().oauth2(TestTokens.partner("META")).delete("/slots/{id}", open).then().statusCode(204);
        given().auth().oauth2(TestTokens.partner("META")).get("/slots/{id}", open).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(member.token()).get("/slots").then().statusCode(200).body("id", not(hasItem(open)));
        booking(member, open).then().statusCode(409).body("type", equalTo("urn:ai-startup-program:problem:slot-taken"));
        // Withdrawing it again changes nothing; its time is free for the mentor to publish again.
        given().auth().oauth2(TestTokens.admin()).delete("/slots/{id}", open).then().statusCode(204);
        slot(mentor, 3, 1);

        given().auth().oauth2(TestTokens.partner("META")).delete("/slots/{id}", booked).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:slot-booked")).body("sessionId", equalTo(session))
                .body("detail", containsString("cancel the session from the mentor's side"));
        given().auth().oauth2(member.token()).get("/sessions/{id}", session).then().statusCode(200).body("status", equalTo("BOOKED"));
        given().auth().oauth2(TestTokens.partner("META")).get("/slots/{id}", booked).then().body("status", equalTo("BOOKED"));

        TestClock.CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        given().auth().oauth2(TestTokens.admin()).delete("/slots/{id}", soon).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:slot-past"));
        given().auth().oauth2(TestTokens.admin()).get("/slots/{id}", soon).then().body("status", equalTo("OPEN"));
    }

    /** A member books a slot while its partner withdraws it: one of them wins, the other is told, and the slot is as the winner left it. */
    @Test
    void aBookingAndAWithdrawalOfOneSlotAtOnceGiveOneOutcome() throws Exception {
        Program.Member member = memberWithMetaMentoringHours();
        String slot = slot(mentor(), 3, 1);

        List<Response> answers = AllAtOnce.run(List.<Callable<Response>>of(
                () -> booking(member, slot),
                () -> given().auth().oauth2(TestTokens.partner("META")).delete("/slots/{id}", slot)));
        String status = given().auth().oauth2(TestTokens.partner("META")).get("/slots/{id}", slot).then().statusCode(200).extract().path("status");
        if (answers.get(0).statusCode() == 201) {
            assertThat(answers.get(1).statusCode()).isEqualTo(409);
            assertThat(answers.get(1).jsonPath().getString("sessionId")).isEqualTo(answers.get(0).jsonPath().getString("id"));
            assertThat(status).isEqualTo("BOOKED");
        } else {
            assertThat(answers).extracting(Response::statusCode).containsExactly(409, 204);
            assertThat(answers.get(0).jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:slot-taken");
            assertThat(status).isEqualTo("CANCELLED");
            given().auth().oauth2(member.token()).get("/sessions").then().statusCode(200).body("items", empty());
        }
    }

    /**
     * Sessions booked with a mentor who has since left, given up in time by the member or ended with the member's grant:
     * their slots do not open again, so no member books a mentor who is gone.
     */
    @Test
    void aSlotGivenUpAfterItsMentorLeftIsWithdrawnRatherThanReopened() {
        Program.Member member = memberWithMetaMentoringHours();
        Program.Member another = memberWithMetaMentoringHours();
        String mentor = mentor();
        String cancelledSlot = slot(mentor, 5, 1);
        String cancelled = book(member, cancelledSlot);
        String endedWithGrantSlot = slot(mentor, 6, 1);
        String endedWithGrant = book(member, endedWithGrantSlot);
        given().auth().oauth2(TestTokens.partner("META")).post("/mentors/{id}/deactivate", mentor).then().statusCode(200);

        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                .post("/sessions/{id}/cancel", cancelled).then().statusCode(200).body("status", equalTo("CANCELLED_EARLY"));
        Program.withdraw(member, "Acquired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(member.token()).get("/sessions/{id}", endedWithGrant)
                .then().statusCode(200).body("status", equalTo("CANCELLED_GRANT_ENDED")));

        for (String slot : List.of(cancelledSlot, endedWithGrantSlot)) {
            given().auth().oauth2(TestTokens.partner("META")).get("/slots/{id}", slot).then().statusCode(200).body("status", equalTo("CANCELLED"));
            booking(another, slot).then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:ai-startup-program:problem:slot-taken"));
        }
        given().auth().oauth2(another.token()).get("/slots").then().statusCode(200)
                .body("id", not(hasItem(cancelledSlot))).body("id", not(hasItem(endedWithGrantSlot)));
    }

    /** A mentor's details change: its partner edits them (not another partner), and its sessions show the new name at once. */
    @Test
    void aPartnerEditsItsMentorsNameEmailAndExpertise() throws Exception {
        Program.Member member = memberWithMetaMentoringHours();
        String mentor = mentor();
        String session = book(member, slot(mentor, 2, 1));
        String takenEmail = "sam-" + UUID.randomUUID() + "@meta.example";
        String colleague = given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Sam Okafor", "email", takenEmail)).post("/mentors").then().statusCode(201).extract().path("id");
        String newEmail = "lea.fontaine-" + UUID.randomUUID() + "@meta.example";
        Map<String, Object> edited = Map.of("name", "Prof. Lea Fontaine", "email", newEmail.toUpperCase(),
                "expertise", List.of("Llama", "Evaluation"));

        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).contentType(ContentType.JSON).body(edited)
                .put("/mentors/{id}", mentor).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(edited).put("/mentors/{id}", mentor).then().statusCode(403);
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("partner", "HUGGING_FACE", "name", "Lea",
                "email", newEmail)).put("/mentors/{id}", mentor).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("partner"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("name", " ", "email", newEmail))
                .put("/mentors/{id}", mentor).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));

        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(edited).put("/mentors/{id}", mentor).then()
                .statusCode(200).body("name", equalTo("Prof. Lea Fontaine")).body("email", equalTo(newEmail))
                .body("expertise", equalTo(List.of("Llama", "Evaluation"))).body("partner", equalTo("META")).body("active", equalTo(true));
        given().auth().oauth2(member.token()).get("/sessions/{id}", session).then().statusCode(200).body("mentorName", equalTo("Prof. Lea Fontaine"));
        // Its old email is free again; an email the partner gave another mentor is not.
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("name", "Lea", "email", takenEmail.toUpperCase()))
                .put("/mentors/{id}", mentor).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:mentor-exists")).body("mentorId", equalTo(colleague));
        given().auth().oauth2(TestTokens.admin()).get("/mentors/{id}", mentor).then().body("email", equalTo(newEmail));

        // Sent twice at once (a retry after a timeout): both succeed, one mentor as edited.
        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Prof. Lea Fontaine", "email", newEmail, "expertise", List.of("Llama"))).put("/mentors/{id}", mentor));
        assertThat(answers).extracting(Response::statusCode).containsExactly(200, 200);
        given().auth().oauth2(TestTokens.admin()).get("/mentors/{id}", mentor).then().body("expertise", equalTo(List.of("Llama")));
    }

    /** A partner's system retries a registration, or sends it twice at once: one mentor, and the retry is told which. */
    @Test
    void aPartnerRegistersAMentorOnceAndARetryIsToldWhichMentorItIs() throws Exception {
        String email = "lea-" + UUID.randomUUID() + "@meta.example";
        Map<String, Object> mentor = Map.of("name", "Dr. Lea Fontaine", "email", email, "expertise", List.of("Llama"));
        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(mentor).post("/mentors"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        String registered = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow().jsonPath().getString("id");
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement().satisfies(answer -> {
            assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:mentor-exists");
            assertThat(answer.jsonPath().getString("mentorId")).isEqualTo(registered);
        });

        // The same person in other letter case is the same mentor; at another partner, another one.
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Lea Fontaine", "email", email.toUpperCase())).post("/mentors").then().statusCode(409)
                .contentType(PROBLEM).body("mentorId", equalTo(registered));
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).contentType(ContentType.JSON).body(mentor).post("/mentors").then()
                .statusCode(201).body("partner", equalTo("HUGGING_FACE"));
        // A mentor who left is taken back, not registered again.
        given().auth().oauth2(TestTokens.partner("META")).post("/mentors/{id}/deactivate", registered).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(mentor).post("/mentors").then().statusCode(409)
                .body("mentorId", equalTo(registered)).body("detail", containsString("activate it"));
        assertThat(given().auth().oauth2(TestTokens.partner("META")).get("/mentors").then().extract().jsonPath()
                .<String>getList("findAll { it.email == '" + email + "' }.id")).containsExactly(registered);
    }

    @Test
    void aMentorASlotAndASessionAreReadWhereTheirLocationsPointByThoseWhoSeeThemInTheirLists() {
        Program.Member member = memberWithMetaMentoringHours();
        String otherStartup = TestTokens.applicant("founder-" + UUID.randomUUID());
        String mentor = given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", "lea-" + UUID.randomUUID() + "@meta.example"))
                .post("/mentors").then().statusCode(201).extract().header("Location");
        OffsetDateTime start = at(2);
        String slot = given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(1).toString()))
                .post(mentor + "/slots").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(member.token()).get(slot).then().statusCode(200).body("status", equalTo("OPEN"));
        String session = given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("memberId", member.memberId()))
                .post(slot + "/booking").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(member.token()).get(session).then().statusCode(200)
                .body("memberId", equalTo(member.memberId().toString())).body("status", equalTo("BOOKED")).body("mentorName", equalTo("Dr. Lea Fontaine"));
        given().auth().oauth2(TestTokens.partner("META")).get(session).then().statusCode(200).body("partner", equalTo("META"));
        given().auth().oauth2(TestTokens.admin()).get(session).then().statusCode(200).body("hours", equalTo(1.0f));
        given().auth().oauth2(member.token()).get(slot).then().statusCode(200).body("status", equalTo("BOOKED")).body("hours", equalTo(1.0f));
        given().auth().oauth2(member.token()).get(mentor).then().statusCode(200).body("name", equalTo("Dr. Lea Fontaine")).body("active", equalTo(true));
        // Another partner's mentors, slots and sessions, and another startup's sessions, are not there for them.
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get(mentor).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get(slot).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get(session).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(otherStartup).get(session).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(otherStartup).get(slot).then().statusCode(200);

        // A mentor who left is off the members' list, so not readable by them; its partner and admins still read it.
        given().auth().oauth2(TestTokens.partner("META")).post(mentor + "/deactivate").then().statusCode(200);
        given().auth().oauth2(member.token()).get(mentor).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).get(mentor).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).get(mentor).then().statusCode(200).body("active", equalTo(false));

        given().auth().oauth2(TestTokens.admin()).get("/mentors/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/slots/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/sessions/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    /**
     * Each booking, and each end of a session, is an event keyed by the session, for cohort-service to keep the
     * member's calendar: the session's time, mentor and partner, and how it ended (a grant's end included).
     */
    @Test
    void bookingAndEndingASessionAreEventsForTheMembersCalendar() {
        Program.Member member = memberWithMetaMentoringHours();
        String mentor = mentor();
        String slot = slot(mentor, 4, 1.5);
        Response slotRead = given().auth().oauth2(member.token()).get("/slots/{id}", slot);
        String cancelled = book(member, slot);
        String left = book(member, slot(mentor, 6, 1));

        List<JsonNode> booked = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionBooked", cancelled, 1, Duration.ofSeconds(20));
        assertThat(booked).hasSize(1);
        JsonNode data = booked.get(0).path("data");
        assertThat(data.path("sessionId").asText()).isEqualTo(cancelled);
        assertThat(data.path("memberId").asText()).isEqualTo(member.memberId().toString());
        assertThat(data.path("cohortId").asText()).isEqualTo(member.cohortId().toString());
        assertThat(data.path("mentorId").asText()).isEqualTo(mentor);
        assertThat(data.path("mentorName").asText()).isEqualTo("Dr. Lea Fontaine");
        assertThat(data.path("partner").asText()).isEqualTo("META");
        assertThat(data.path("partnerName").asText()).isEqualTo("Meta");
        assertThat(Instant.parse(data.path("startsAt").asText())).isEqualTo(Instant.parse(slotRead.path("startsAt")));
        assertThat(Instant.parse(data.path("endsAt").asText())).isEqualTo(Instant.parse(slotRead.path("startsAt")).plus(Duration.ofMinutes(90)));
        assertThat(data.path("status").asText()).isEqualTo("BOOKED");

        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                .post("/sessions/{id}/cancel", cancelled).then().statusCode(200);
        List<JsonNode> ended = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionEnded", cancelled, 1, Duration.ofSeconds(20));
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).path("data").path("status").asText()).isEqualTo("CANCELLED_EARLY");
        assertThat(ended.get(0).path("data").path("note").asText()).isEqualTo("Cancelled 24 hours or more ahead: Moved our demo");

        Program.withdraw(member, "Acquired");
        List<JsonNode> endedWithTheGrant = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionEnded", left, 1, Duration.ofSeconds(30));
        assertThat(endedWithTheGrant).hasSize(1);
        assertThat(endedWithTheGrant.get(0).path("data").path("status").asText()).isEqualTo("CANCELLED_GRANT_ENDED");
        assertThat(KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionEnded", cancelled, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    /**
     * A calendar shows a session under its mentor's name and its partner's: renaming either announces each session
     * still booked again (MentoringSessionChanged), as it now reads; sessions that ended, and edits that keep the
     * name, announce nothing.
     */
    @Test
    void renamingAMentorOrItsPartnerAnnouncesTheirBookedSessionsAgain() {
        String partner = Program.partnerCode("RENAMED_");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("code", partner, "name", "Open Weights Lab"))
                .post("/partners").then().statusCode(201);
        Program.Member member = Program.enrollWithPackageOf(Map.of("key", "mentoring", "partner", partner, "kind", "MENTORING_HOURS",
                "description", "Mentoring", "amount", "10", "unit", "HOUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Program.grants(member).size() == 1);
        Program.activate(Program.grantOf(member, partner), partner);
        String email = "lea-" + UUID.randomUUID() + "@openweights.example";
        String mentor = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", email)).post("/mentors").then().statusCode(201).extract().path("id");
        String booked = book(member, slot(partner, mentor, 3, 1));
        String cancelled = book(member, slot(partner, mentor, 4, 1));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Moved our demo"))
                .post("/sessions/{id}/cancel", cancelled).then().statusCode(200);

        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", email, "expertise", List.of("Llama", "RAG")))
                .put("/mentors/{id}", mentor).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("name", "Prof. Lea Fontaine", "email", email)).put("/mentors/{id}", mentor).then().statusCode(200);
        List<JsonNode> changed = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionChanged", booked, 1, Duration.ofSeconds(20));
        assertThat(changed).hasSize(1);
        JsonNode data = changed.get(0).path("data");
        assertThat(data.path("mentorName").asText()).isEqualTo("Prof. Lea Fontaine");
        assertThat(data.path("partnerName").asText()).isEqualTo("Open Weights Lab");
        assertThat(data.path("memberId").asText()).isEqualTo(member.memberId().toString());
        assertThat(data.path("status").asText()).isEqualTo("BOOKED");
        assertThat(KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionChanged", booked, 2, Duration.ofSeconds(3))).hasSize(1);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("name", "Open Weights Laboratory"))
                .put("/partners/{code}", partner).then().statusCode(200);
        changed = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionChanged", booked, 2, Duration.ofSeconds(20));
        assertThat(changed).hasSize(2);
        assertThat(changed.get(1).path("data").path("partnerName").asText()).isEqualTo("Open Weights Laboratory");
        assertThat(changed.get(1).path("data").path("mentorName").asText()).isEqualTo("Prof. Lea Fontaine");
        assertThat(KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionChanged", cancelled, 1, Duration.ofSeconds(3))).isEmpty();
    }

    /**
     * A booking made while its mentor is being renamed waits for the rename, then is announced under the new name:
     * the rename could not announce a session not yet booked, so the booking must not carry the old name.
     */
    @Test
    void aBookingMadeDuringARenameOfItsMentorIsAnnouncedUnderTheNewName() throws Exception {
        Program.Member member = memberWithMetaMentoringHours();
        String mentor = mentor();
        String slot = slot(mentor, 3, 1);
        CompletableFuture<String> booking;
        try (OpenTransaction rename = OpenTransaction.after(() -> {
            Mentor renamed = Mentor.findById(UUID.fromString(mentor));
            Mentor.getEntityManager().refresh(renamed, LockModeType.PESSIMISTIC_WRITE);
            renamed.name = "Prof. Lea Fontaine";
            Mentor.getEntityManager().flush();
        })) {
            booking = CompletableFuture.supplyAsync(() -> book(member, slot));
            assertThatThrownBy(() -> booking.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        }
        String session = booking.get(30, TimeUnit.SECONDS);
        List<JsonNode> booked = KafkaTopics.cloudEvents("program.mentoring", "MentoringSessionBooked", session, 1, Duration.ofSeconds(20));
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).path("data").path("mentorName").asText()).isEqualTo("Prof. Lea Fontaine");
    }

    /** A member of a new cohort whose Meta mentoring grant is active. */
    private static Program.Member memberWithMetaMentoringHours() {
        return Program.activeGrant("META", "30000.00").member();
    }

    private static String mentor() {
        return given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", "lea-" + UUID.randomUUID() + "@meta.example", "expertise", List.of("Llama")))
                .post("/mentors").then().statusCode(201).body("partner", equalTo("META")).extract().path("id");
    }

    private static OffsetDateTime at(int daysAhead) {
        return OffsetDateTime.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC).plusDays(daysAhead).withNano(0);
    }

    private static String slot(String mentor, int daysAhead, double hours) {
        return slot("META", mentor, daysAhead, hours);
    }

    private static String slot(String partner, String mentor, int daysAhead, double hours) {
        OffsetDateTime start = at(daysAhead);
        return given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("startsAt", start.toString(), "endsAt", start.plusMinutes((long) (hours * 60)).toString()))
                .post("/mentors/{id}/slots", mentor).then().statusCode(201).extract().path("id");
    }

    /** The member's startup books the slot for it; the caller asserts the answer. */
    private static Response booking(Program.Member member, String slot) {
        return given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(Map.of("memberId", member.memberId()))
                .post("/slots/{id}/booking", slot);
    }

    private static String book(Program.Member member, String slot) {
        return booking(member, slot).then().statusCode(201).extract().path("id");
    }
}
