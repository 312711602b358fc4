package org.stationf.aiprogram.cohorts;

import org.stationf.aiprogram.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestTokens;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MembershipTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void anAcceptedOfferEnrollsAMemberAndAWithdrawalBeforeTheStartGivesThePlaceToTheWaitlist() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 2);
        String cohort = Candidates.selectingCohort(call, 1);
        String offer = Candidates.select(cohort, c.get(0).applicationId());
        Candidates.waitlist(cohort, c.get(1).applicationId());
        String member = Candidates.accept(c.get(0), offer);

        given().auth().oauth2(c.get(0).token()).get("/members/{id}", member).then().statusCode(200)
                .body("status", equalTo("ENROLLED")).body("contacts[0].name", equalTo("Camille Durand"));
        given().auth().oauth2(c.get(1).token()).get("/members/{id}", member).then().statusCode(404).contentType(PROBLEM);
        List<JsonNode> enrolled = KafkaTopics.cloudEvents("program.cohorts", "MemberEnrolled", member, 1, Duration.ofSeconds(20));
        assertThat(enrolled).hasSize(1);
        assertThat(enrolled.get(0).path("data").path("cohortId").asText()).isEqualTo(cohort);
        assertThat(enrolled.get(0).path("data").path("applicantId").asText()).isEqualTo(c.get(0).applicantId());

        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON).body(Map.of("reason", "We were acquired"))
                .post("/members/{id}/withdraw", member).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(c.get(1).token()).get("/offers").then().body("[0].status", equalTo("OFFERED"));
        List<JsonNode> left = KafkaTopics.cloudEvents("program.cohorts", "MemberWithdrew", member, 1, Duration.ofSeconds(20));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("data").path("initiatedBy").asText()).isEqualTo("MEMBER");
        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/members/{id}/withdraw", member).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void anAdminRemovesAMemberWithAReasonAndTheWaitlistGetsThePlace() {
        UUID call = UUID.randomUUID();
        List<Candidates.Shortlisted> c = Candidates.shortlist(call, 2);
        String cohort = Candidates.selectingCohort(call, 1);
        String member = Candidates.enroll(cohort, c.get(0));
        Candidates.waitlist(cohort, c.get(1).applicationId());

        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON).body(Map.of("reason", "Removing ourselves"))
                .post("/members/{id}/remove", member).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "No longer builds on an open model"))
                .post("/members/{id}/remove", member).then().statusCode(200)
                .body("status", equalTo("REMOVED")).body("leftReason", equalTo("No longer builds on an open model"));
        given().auth().oauth2(c.get(0).token()).get("/members/{id}", member).then().statusCode(200).body("status", equalTo("REMOVED"));
        given().auth().oauth2(c.get(1).token()).get("/offers").then().body("[0].status", equalTo("OFFERED"));
        List<JsonNode> left = KafkaTopics.cloudEvents("program.cohorts", "MemberWithdrew", member, 1, Duration.ofSeconds(20));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("data").path("initiatedBy").asText()).isEqualTo("ADMIN");
        assertThat(left.get(0).path("data").path("reason").asText()).isEqualTo("No longer builds on an open model");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/members/{id}/remove", member).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:not-enrolled"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "nobody"))
                .post("/members/{id}/remove", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdminChangesAndCancelsCalendarEventsAndTheExportShowsIt() throws Exception {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        Map<String, Object> officeHours = new HashMap<>(Map.of("kind", "OFFICE_HOURS", "title", "Scaleway office hours",
                "startsAt", "2024-02-01T10:00:00+01:00", "endsAt", "2024-02-01T12:00:00+01:00", "location", "Station F, Zone A", "partner", "SCALEWAY"));
        String event = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(officeHours)
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(201).body("version", equalTo(0)).extract().path("id");

        officeHours.putAll(Map.of("title", "Scaleway office hours (moved)", "startsAt", "2024-02-02T14:00:00+01:00",
                "endsAt", "2024-02-02T16:00:00+01:00", "version", 0));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(officeHours)
                .put("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(200)
                .body("title", equalTo("Scaleway office hours (moved)")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(officeHours)
                .put("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:stale-version")).body("currentVersion", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(officeHours)
                .put("/cohorts/{id}/calendar/{event}", Candidates.selectingCohort(enrolled.callId(), 5), event).then().statusCode(404).contentType(PROBLEM);

        // Calendar apps replace an event they know when its SEQUENCE grows.
        String ics = given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar.ics", cohort).then().statusCode(200).extract().asString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        assertThat(events).singleElement().satisfies(moved -> {
            assertThat(moved.getSummary().getValue()).isEqualTo("Scaleway office hours (moved)");
            assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
            assertThat(Instant.from(moved.getDateTimeStart().getDate())).isEqualTo(OffsetDateTime.parse("2024-02-02T13:00:00Z").toInstant());
        });

        // Cancelled, the event stays where members look for it, marked, and calendar apps get a newer SEQUENCE.
        given().auth().oauth2(enrolled.token()).delete("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(204);
        given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200)
                .body("id", equalTo(List.of(event))).body("[0].cancelledAt", notNullValue()).body("[0].version", equalTo(2));
        String cancelledIcs = given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar.ics", cohort).then().statusCode(200).extract().asString();
        Calendar cancelledCalendar = new CalendarBuilder().build(new StringReader(cancelledIcs));
        cancelledCalendar.validate();
        assertThat(cancelledCalendar.<VEvent>getComponents("VEVENT")).singleElement().satisfies(cancelled -> {
            assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
            assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(2);
        });

        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar", cohort).then().body("[0].version", equalTo(2));
        officeHours.put("version", 2);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(officeHours)
                .put("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:event-cancelled"));
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/calendar/{event}", cohort, UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void partnersSeeTheMemberListButNothingPrivate() {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        String member = enrolled.member();

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/cohorts/{id}/members", cohort).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].companyName", equalTo("Startup 1"))
                .body("[0]", not(hasKey("contacts"))).body("[0]", not(hasKey("applicationId")));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/members", cohort).then()
                .body("[0].contacts[0].email", equalTo("camille@" + enrolled.startup().applicationId() + ".example"));
        given().auth().oauth2(TestTokens.applicant("outsider")).get("/cohorts/{id}/members", cohort).then().body("$", hasSize(0));
        given().auth().oauth2(TestTokens.partner("META")).get("/members/{id}/milestones", member).then().statusCode(403);
    }

    @Test
    void theCalendarExportsAsValidICalendarPerCohortAndPerMember() throws Exception {
        List<Candidates.Enrolled> c = Candidates.oneCohortOf(2);
        String cohort = c.get(0).cohort();
        String first = c.get(0).member();
        String second = c.get(1).member();

        addEvent(cohort, Map.of("kind", "WORKSHOP", "title", "Fine-tuning Llama 2, with Meta; bring laptops, data",
                "description", "Line one\nLine two with a long text that will need folding because it is longer than seventy-five octets — café",
                "startsAt", "2024-01-15T14:00:00+01:00", "endsAt", "2024-01-15T17:00:00+01:00",
                "location", "Station F, Meta room", "partner", "META"));
        addEvent(cohort, Map.of("kind", "MENTORING", "title", "Mentoring slot: Hugging Face Hub", "startsAt", "2024-01-16T10:00:00Z",
                "endsAt", "2024-01-16T11:00:00Z", "link", "https://meet.example/hf", "attendees", List.of(second)));
        addEvent(cohort, Map.of("kind", "DEMO_DAY", "title", "Demo day", "startsAt", "2024-06-27T18:00:00+02:00",
                "endsAt", "2024-06-27T21:00:00+02:00", "location", "Station F, Auditorium"));

        String ics = given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get("/cohorts/{id}/calendar.ics", cohort)
                .then().statusCode(200).contentType(equalTo("text/calendar; charset=utf-8")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        VEvent workshop = events.get(0);
        assertThat(workshop.getSummary().getValue()).isEqualTo("Fine-tuning Llama 2, with Meta; bring laptops, data");
        assertThat(workshop.getDescription().getValue()).startsWith("Line one\nLine two").endsWith("café");
        assertThat(workshop.getLocation().getValue()).isEqualTo("Station F, Meta room");
        assertThat(OffsetDateTime.parse("2024-01-15T13:00:00Z").toInstant())
                .isEqualTo(Instant.from(workshop.getDateTimeStart().getDate()));
        assertThat(ics.lines().allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75)).isTrue();

        String firstIcs = given().auth().oauth2(c.get(0).token()).get("/members/{id}/calendar.ics", first).then().statusCode(200).extract().asString();
        List<VEvent> firstEvents = new CalendarBuilder().build(new StringReader(firstIcs)).getComponents("VEVENT");
        assertThat(firstEvents).extracting(e -> e.getSummary().getValue()).containsExactly(
                "Fine-tuning Llama 2, with Meta; bring laptops, data", "Demo day");
        given().auth().oauth2(c.get(1).token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200).body("$", hasSize(3));
        given().auth().oauth2(c.get(0).token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(c.get(1).token()).get("/members/{id}/calendar.ics", first).then().statusCode(404);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "WORKSHOP", "title", "Nowhere", "startsAt", "2024-01-15T14:00:00Z", "endsAt", "2024-01-15T13:00:00Z"))
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("endsAt"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "PARTY", "title", "x", "startsAt", "2024-01-15T14:00:00Z", "endsAt", "2024-01-15T15:00:00Z", "location", "Bar"))
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("kind"));
    }

    @Test
    void anAddedEventIsReadWhereItsLocationPointsByThoseWhoSeeItInTheCalendar() {
        List<Candidates.Enrolled> c = Candidates.oneCohortOf(2);
        String cohort = c.get(0).cohort();
        String attending = c.get(1).member();
        String location = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "OFFICE_HOURS", "title", "Scaleway office hours: GPU instances", "startsAt", "2024-02-06T10:00:00+01:00",
                        "endsAt", "2024-02-06T12:00:00+01:00", "location", "Station F, Scaleway corner", "partner", "SCALEWAY",
                        "attendees", List.of(attending)))
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(201).extract().header("Location");

        given().auth().oauth2(TestTokens.admin()).get(location).then().statusCode(200)
                .body("title", equalTo("Scaleway office hours: GPU instances")).body("attendees", equalTo(List.of(attending)));
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get(location).then().statusCode(200).body("partner", equalTo("SCALEWAY"));
        given().auth().oauth2(c.get(1).token()).get(location).then().statusCode(200).body("location", equalTo("Station F, Scaleway corner"));
        // The other member's startup does not attend: as in its calendar, the event is not there.
        given().auth().oauth2(c.get(0).token()).get(location).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar/{event}", cohort, UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get(location.replace(cohort, Candidates.selectingCohort(c.get(0).callId(), 5))).then().statusCode(404);
    }

    /**
     * A member's first report on a milestone and an admin's first comment on it arrive together, and a report is sent
     * twice (a double click): each PUT succeeds, and the milestone keeps the report and the comment.
     */
    @Test
    void aMilestoneReportedAndCommentedAtOnceKeepsBoth() throws Exception {
        Candidates.Enrolled startup = Candidates.oneMemberCohort();
        String cohort = startup.cohort();
        String member = startup.member();
        LocalDate start = Candidates.startDate(cohort);
        for (int round = 0; round < 5; round++) {
            String milestone = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Objective " + round, "dueDate", start.plusMonths(1).toString()))
                    .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
            Callable<Response> report = () -> given().auth().oauth2(startup.token()).contentType(ContentType.JSON)
                    .body(Map.of("status", "IN_PROGRESS", "update", "Two pilots running")).put("/members/{id}/milestones/{m}", member, milestone);
            List<Response> answers = AllAtOnce.run(List.of(report, report,
                    () -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("comment", "Keep going"))
                            .put("/members/{id}/milestones/{m}/comment", member, milestone)));
            assertThat(answers).extracting(Response::statusCode).as("round %d", round).containsOnly(200);
            given().auth().oauth2(startup.token()).get("/members/{id}/milestones", member).then().statusCode(200)
                    .body("find { it.milestoneId == '" + milestone + "' }.status", equalTo("IN_PROGRESS"))
                    .body("find { it.milestoneId == '" + milestone + "' }.adminComment", equalTo("Keep going"));
        }
    }

    @Test
    void milestonesTrackEachMembersProgressAndCompletionGraduatesMembers() throws Exception {
        List<Candidates.Enrolled> c = Candidates.oneCohortOf(2);
        String cohort = c.get(0).cohort();
        String good = c.get(0).member();
        String slow = c.get(1).member();
        LocalDate start = Candidates.startDate(cohort);

        String pilot = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First paying pilot", "dueDate", start.plusMonths(1).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Seed round", "dueDate", start.plusMonths(4).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Before the cohort", "dueDate", start.minusDays(1).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(400).body("errors.field", hasItem("dueDate"));

        given().auth().oauth2(c.get(0).token()).contentType(ContentType.JSON)
                .body(Map.of("status", "DONE", "update", "Pilot signed with 40 farms"))
                .put("/members/{id}/milestones/{m}", good, pilot).then().statusCode(200).body("status", equalTo("DONE"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("comment", "Great work"))
                .put("/members/{id}/milestones/{m}/comment", good, pilot).then().statusCode(200).body("adminComment", equalTo("Great work"));
        given().auth().oauth2(c.get(1).token()).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .put("/members/{id}/milestones/{m}", good, pilot).then().statusCode(404);

        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones/progress", cohort).then().statusCode(200)
                .body("find { it.memberId == '" + good + "' }.done", equalTo(1))
                .body("find { it.memberId == '" + good + "' }.percentDone", equalTo(50))
                .body("find { it.memberId == '" + slow + "' }.byStatus.NOT_STARTED", equalTo(2));

        assertThat(AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("completed", false, "note", "Left the program's rhythm")).put("/members/{id}/completion", slow)))
                .as("the same setting sent twice at once").extracting(Response::statusCode).containsExactly(200, 200);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/complete", cohort).then().statusCode(200);

        given().auth().oauth2(c.get(0).token()).get("/members/{id}", good).then().body("status", equalTo("GRADUATED"));
        given().auth().oauth2(c.get(1).token()).get("/members/{id}", slow).then().body("status", equalTo("NOT_COMPLETED"));
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "MemberGraduated", good, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "MemberNotCompleted", slow, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CohortCompleted", cohort, 1, Duration.ofSeconds(20))).hasSize(1);
        // A member's completion is decided while it is enrolled; after graduation it is history.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("completed", false, "note", "Too late"))
                .put("/members/{id}/completion", good).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:not-enrolled")).body("detail", containsString("GRADUATED"));
        given().auth().oauth2(c.get(0).token()).get("/members/{id}", good).then().body("status", equalTo("GRADUATED"));
    }

    /** A startup that left the program keeps what it reported on its milestones, for the record, and reports no more. */
    @Test
    void aMemberThatLeftKeepsItsMilestoneReportsAndMakesNoMore() {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        String member = enrolled.member();
        String pilot = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First paying pilot", "dueDate", Candidates.startDate(cohort).plusMonths(1).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "update", "Two farms interested"))
                .put("/members/{id}/milestones/{m}", member, pilot).then().statusCode(200);
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("reason", "We were acquired"))
                .post("/members/{id}/withdraw", member).then().statusCode(200);

        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .put("/members/{id}/milestones/{m}", member, pilot).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:not-enrolled")).body("detail", containsString("WITHDRAWN"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("comment", "Good luck"))
                .put("/members/{id}/milestones/{m}/comment", member, pilot).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:not-enrolled"));
        given().auth().oauth2(enrolled.token()).get("/members/{id}/milestones", member).then().statusCode(200)
                .body("[0].status", equalTo("IN_PROGRESS")).body("[0].update", equalTo("Two farms interested")).body("[0].adminComment", equalTo(null));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones/progress", cohort).then().statusCode(200)
                .body("find { it.memberId == '" + member + "' }.memberStatus", equalTo("WITHDRAWN"))
                .body("find { it.memberId == '" + member + "' }.byStatus.IN_PROGRESS", equalTo(1));
    }

    /** A startup that left the program keeps, in its calendars, the events of its time there and none after it. */
    @Test
    void aMemberThatLeftSeesOnlyTheEventsOfItsTimeInTheProgram() throws Exception {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        OffsetDateTime now = OffsetDateTime.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC).withNano(0);
        String kickOff = addEvent(cohort, Map.of("kind", "OTHER", "title", "Kick-off breakfast", "startsAt", now.minusDays(1).toString(),
                "endsAt", now.minusDays(1).plusHours(2).toString(), "location", "Station F, La Felicità"));
        String workshop = addEvent(cohort, Map.of("kind", "WORKSHOP", "title", "Fine-tuning workshop", "startsAt", now.plusDays(40).toString(),
                "endsAt", now.plusDays(40).plusHours(3).toString(), "location", "Station F, Meta room"));
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("reason", "We were acquired"))
                .post("/members/{id}/withdraw", enrolled.member()).then().statusCode(200);

        given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200).body("id", contains(kickOff));
        given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar/{event}", cohort, workshop).then().statusCode(404).contentType(PROBLEM);
        String ics = given().auth().oauth2(enrolled.token()).get("/members/{id}/calendar.ics", enrolled.member()).then().statusCode(200)
                .extract().asString();
        assertThat(new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT"))
                .extracting(event -> event.getSummary().getValue()).containsExactly("Kick-off breakfast");
        // The program's own calendar is unchanged for those who run it.
        given().auth().oauth2(TestTokens.partner("META")).get("/cohorts/{id}/calendar", cohort).then().body("id", contains(kickOff, workshop));
    }

    /** Once completed, the cohort's calendar, milestones and members' reports are the record of the edition: they read, they do not change. */
    @Test
    void aCompletedCohortsCalendarAndMilestonesNoLongerChange() {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        String member = enrolled.member();
        LocalDate start = Candidates.startDate(cohort);
        Map<String, Object> demoDay = new HashMap<>(Map.of("kind", "DEMO_DAY", "title", "Demo day",
                "startsAt", start.plusMonths(5) + "T14:00:00+02:00", "endsAt", start.plusMonths(5) + "T18:00:00+02:00", "location", "Station F, Master stage"));
        String event = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(demoDay)
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(201).extract().path("id");
        String pilot = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First paying pilot", "dueDate", start.plusMonths(1).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "DONE", "update", "Pilot signed"))
                .put("/members/{id}/milestones/{m}", member, pilot).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/complete", cohort).then().statusCode(200);
        String completedAt = given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().extract().path("completedAt");
        Map<String, Object> moved = new HashMap<>(demoDay);
        moved.putAll(Map.of("title", "Demo day (moved)", "version", 0));

        List<Response> refused = List.of(
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(demoDay).post("/cohorts/{id}/calendar", cohort),
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(moved).put("/cohorts/{id}/calendar/{event}", cohort, event),
                given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/calendar/{event}", cohort, event),
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("title", "Series A", "dueDate", start.plusMonths(5).toString())).post("/cohorts/{id}/milestones", cohort),
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("title", "Two paying pilots", "dueDate", start.plusMonths(1).toString(), "version", 0))
                        .put("/cohorts/{id}/milestones/{m}", cohort, pilot),
                given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/milestones/{m}", cohort, pilot),
                given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "MISSED"))
                        .put("/members/{id}/milestones/{m}", member, pilot),
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("comment", "Late remark"))
                        .put("/members/{id}/milestones/{m}/comment", member, pilot));
        assertThat(refused).allSatisfy(response -> response.then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-completed")).body("completedAt", equalTo(completedAt)));

        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].title", equalTo("Demo day")).body("[0].cancelledAt", equalTo(null));
        given().auth().oauth2(enrolled.token()).get("/members/{id}/milestones", member).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].title", equalTo("First paying pilot")).body("[0].status", equalTo("DONE"))
                .body("[0].adminComment", equalTo(null));
    }

    @Test
    void anAdminCorrectsAMilestoneWithoutLosingWhatMembersReportedAndRemovesOnlyOneNobodyReportedOn() {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        String cohort = enrolled.cohort();
        String member = enrolled.member();
        LocalDate start = Candidates.startDate(cohort);
        Response created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First payng pilot", "dueDate", start.plusMonths(1).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).body("version", equalTo(0)).extract().response();
        String pilot = created.path("id");
        String pilotLocation = created.header("Location");
        String mistake = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Seed round (wrong cohort)", "dueDate", start.plusMonths(4).toString()))
                .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "update", "Two farms interested"))
                .put("/members/{id}/milestones/{m}", member, pilot).then().statusCode(200);

        Map<String, Object> corrected = Map.of("title", "First paying pilot", "dueDate", start.plusMonths(2).toString(), "version", 0);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(corrected)
                .put("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(200)
                .body("title", equalTo("First paying pilot")).body("dueDate", equalTo(start.plusMonths(2).toString())).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(corrected)
                .put("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("stale-version")).body("currentVersion", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First paying pilot", "dueDate", start.minusDays(1).toString(), "version", 1))
                .put("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("dueDate"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "First paying pilot", "dueDate", start.plusMonths(2).toString()))
                .put("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("version"));
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("title", "Easy one", "dueDate", start.plusMonths(2).toString(), "version", 1))
                .put("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(403);
        // Where its creation's Location points, the member startup reads the corrected milestone and the version an edit sends back.
        given().auth().oauth2(enrolled.token()).get(pilotLocation).then().statusCode(200)
                .body("id", equalTo(pilot)).body("title", equalTo("First paying pilot")).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.applicant("founder-" + UUID.randomUUID())).get(pilotLocation).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).get(pilotLocation).then().statusCode(403);
        given().auth().oauth2(enrolled.token()).get("/members/{id}/milestones", member).then().statusCode(200)
                .body("find { it.milestoneId == '" + pilot + "' }.title", equalTo("First paying pilot"))
                .body("find { it.milestoneId == '" + pilot + "' }.status", equalTo("IN_PROGRESS"))
                .body("find { it.milestoneId == '" + pilot + "' }.update", equalTo("Two farms interested"));

        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/milestones/{m}", cohort, pilot).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("milestone-reported")).body("reports", equalTo(1));
        given().auth().oauth2(enrolled.token()).delete("/cohorts/{id}/milestones/{m}", cohort, mistake).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/milestones/{m}", cohort, mistake).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/milestones/{m}", cohort, mistake).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones/{m}", cohort, mistake).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get(pilotLocation.replace(cohort, Candidates.selectingCohort(enrolled.callId(), 5))).then().statusCode(404);
        given().auth().oauth2(enrolled.token()).contentType(ContentType.JSON).body(Map.of("status", "DONE"))
                .put("/members/{id}/milestones/{m}", member, mistake).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones", cohort).then().statusCode(200)
                .body("id", contains(pilot));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones/progress", cohort).then().statusCode(200)
                .body("find { it.memberId == '" + member + "' }.milestones", equalTo(1))
                .body("find { it.memberId == '" + member + "' }.byStatus.IN_PROGRESS", equalTo(1));
    }

    /** An admin removes a milestone just as members report on it: either the removal wins and every report is a 404, or a report wins and the removal is a 409; never a half of each. */
    @Test
    void removingAMilestoneWhileMembersReportOnItLetsOneSideWinWhole() throws Exception {
        List<Candidates.Enrolled> c = Candidates.oneCohortOf(3);
        String cohort = c.get(0).cohort();
        List<String> members = c.stream().map(Candidates.Enrolled::member).toList();
        LocalDate start = Candidates.startDate(cohort);

        for (int round = 0; round < 5; round++) {
            String milestone = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Objective " + round, "dueDate", start.plusMonths(1).toString()))
                    .post("/cohorts/{id}/milestones", cohort).then().statusCode(201).extract().path("id");
            List<Callable<Response>> requests = new ArrayList<>();
            requests.add(() -> given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/milestones/{m}", cohort, milestone));
            for (int i = 0; i < members.size(); i++) {
                String token = c.get(i).token();
                String member = members.get(i);
                requests.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                        .put("/members/{id}/milestones/{m}", member, milestone));
            }

            List<Response> answers = AllAtOnce.run(requests);

            int removal = answers.get(0).statusCode();
            List<Integer> reports = answers.subList(1, answers.size()).stream().map(Response::statusCode).toList();
            assertThat(removal).as("the removal").isIn(204, 409);
            assertThat(reports).as("the reports when the removal answered " + removal).containsOnly(removal == 204 ? 404 : 200);
            given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/milestones", cohort).then().statusCode(200)
                    .body("id", removal == 204 ? not(hasItem(milestone)) : hasItem(milestone));
        }
    }

    @Test
    void aRunningCohortCompletesByItselfWhenItsEndDateHasPassed() {
        Candidates.Enrolled winner = Candidates.oneMemberCohort();
        String cohort = winner.cohort();
        String member = winner.member();
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/start", cohort).then().statusCode(200);
        LocalDate end = LocalDate.parse(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().extract().path("endDate"));

        // The last day of the program, in Paris: still running.
        TestClock.CLOCK.setTo(end.atTime(23, 59).atZone(PARIS).toInstant());
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CohortCompleted", cohort, 1, Duration.ofSeconds(3))).isEmpty();
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("status", equalTo("RUNNING"));

        // The day after: the completion job (every second in tests) completes it and graduates its member.
        TestClock.CLOCK.setTo(end.plusDays(1).atTime(0, 1).atZone(PARIS).toInstant());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().body("status", equalTo("COMPLETED")));
        given().auth().oauth2(winner.token()).get("/members/{id}", member).then().body("status", equalTo("GRADUATED"));
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "CohortCompleted", cohort, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(KafkaTopics.cloudEvents("program.cohorts", "MemberGraduated", member, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** Adds the event to the cohort's calendar; returns its id. */
    private static String addEvent(String cohort, Map<String, Object> event) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(event)
                .post("/cohorts/{id}/calendar", cohort).then().statusCode(201).extract().path("id");
    }
}
