package org.stationf.aiprogram.cohorts;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Members' mentoring sessions, booked in resources-service, arriving through the real broker into their calendars. */
@QuarkusTest
class MentoringEventsConsumerTest {

    private static final String TOPIC = "program.mentoring";
    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> PARTNER_NAMES = Map.of("META", "Meta", "HUGGING_FACE", "Hugging Face");

    @Test
    void aBookedSessionJoinsItsMembersCalendarOnceAndOnlyThoseItConcernsSeeIt() throws Exception {
        List<Candidates.Enrolled> startups = Candidates.oneCohortOf(2);
        String cohort = startups.get(0).cohort();
        String member = startups.get(0).member();
        String otherMember = startups.get(1).member();
        UUID session = UUID.randomUUID();
        String booked = booked(UUID.randomUUID().toString(), session, member, "META", "2024-02-06T09:00:00Z", "2024-02-06T10:30:00Z");

        // Delivered three times, and announced once more under another event id: one event in the calendar. A later
        // booking on the same partition shows when they have all been taken.
        KafkaTopics.send(TOPIC, session.toString(), booked);
        KafkaTopics.send(TOPIC, session.toString(), booked);
        KafkaTopics.send(TOPIC, session.toString(), booked(UUID.randomUUID().toString(), session, member, "META", "2024-02-06T09:00:00Z", "2024-02-06T10:30:00Z"));
        UUID laterSession = UUID.randomUUID();
        KafkaTopics.send(TOPIC, session.toString(), booked(UUID.randomUUID().toString(), laterSession, member, "META", "2024-02-20T09:00:00Z", "2024-02-20T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200)
                        .body("mentoringSessionId", contains(session.toString(), laterSession.toString())));
        // The copies were skipped, not refused by the table: nothing reached the dead-letter topic.
        assertThat(KafkaTopics.records("cohort-service.dlq", r -> session.toString().equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
        given().auth().oauth2(startups.get(0).token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].kind", equalTo("MENTORING"))
                .body("[0].title", equalTo("Mentoring with Dr. Lea Fontaine (Meta)"))
                .body("[0].startsAt", equalTo("2024-02-06T09:00:00Z"))
                .body("[0].endsAt", equalTo("2024-02-06T10:30:00Z"))
                .body("[0].attendees", contains(member))
                .body("[0].partner", equalTo("META"))
                .body("[0].cancelledAt", nullValue());
        String event = given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar", cohort).then().extract().path("[0].id");

        String ics = given().auth().oauth2(startups.get(0).token()).get("/members/{id}/calendar.ics", member).then().statusCode(200).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getSummary().getValue())
                .containsExactly("Mentoring with Dr. Lea Fontaine (Meta)", "Mentoring with Dr. Lea Fontaine (Meta)");

        // The session is between the member and the mentor's partner: another member and another partner do not see it.
        given().auth().oauth2(startups.get(1).token()).get("/cohorts/{id}/calendar", cohort).then().statusCode(200).body("$", empty());
        given().auth().oauth2(startups.get(1).token()).get("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).get("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/cohorts/{id}/calendar", cohort).then().statusCode(200).body("$", empty());
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(startups.get(1).token()).get("/members/{id}/calendar.ics", otherMember).then().statusCode(200)
                .body(not(containsString("Mentoring with")));

        // It changes where it was booked, not here: an admin is told where.
        Map<String, Object> moved = Map.of("kind", "MENTORING", "title", "Moved", "startsAt", "2024-02-07T09:00:00Z",
                "endsAt", "2024-02-07T10:00:00Z", "link", "https://meet.example/x", "version", 0);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(moved)
                .put("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:mentoring-session"))
                .body("sessionId", equalTo(session.toString()));
        given().auth().oauth2(TestTokens.admin()).delete("/cohorts/{id}/calendar/{event}", cohort, event).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:mentoring-session"));
        given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}/calendar/{event}", cohort, event).then()
                .body("title", equalTo("Mentoring with Dr. Lea Fontaine (Meta)")).body("cancelledAt", nullValue());
    }

    @Test
    void aCancelledSessionIsMarkedCancelledAndOneThatTookPlaceStays() throws Exception {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        UUID cancelled = UUID.randomUUID();
        UUID delivered = UUID.randomUUID();
        KafkaTopics.send(TOPIC, cancelled.toString(), booked(UUID.randomUUID().toString(), cancelled, enrolled.member(), "META", "2024-02-06T09:00:00Z", "2024-02-06T10:00:00Z"));
        KafkaTopics.send(TOPIC, delivered.toString(), booked(UUID.randomUUID().toString(), delivered, enrolled.member(), "HUGGING_FACE", "2024-02-08T09:00:00Z", "2024-02-08T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", enrolled.cohort()).then().body("$", hasSize(2)));

        KafkaTopics.send(TOPIC, cancelled.toString(), ended(cancelled, "CANCELLED_EARLY", "2024-01-20T08:00:00Z"));
        KafkaTopics.send(TOPIC, delivered.toString(), ended(delivered, "DELIVERED", "2024-02-08T10:05:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", enrolled.cohort()).then()
                        .body("[0].mentoringSessionId", equalTo(cancelled.toString()))
                        .body("[0].cancelledAt", equalTo("2024-01-20T08:00:00Z"))
                        .body("[0].version", equalTo(1)));
        given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", enrolled.cohort()).then()
                .body("[1].mentoringSessionId", equalTo(delivered.toString())).body("[1].cancelledAt", nullValue()).body("[1].version", equalTo(0));

        // Calendar apps take the change: the cancelled one comes with STATUS:CANCELLED and a higher SEQUENCE.
        String ics = given().auth().oauth2(enrolled.token()).get("/members/{id}/calendar.ics", enrolled.member()).then().statusCode(200).extract().asString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getStatus().getValue()).containsExactly("CANCELLED", "CONFIRMED");
        assertThat(events).extracting(e -> e.getSequence().getSequenceNo()).containsExactly(1, 0);
    }

    @Test
    void aSessionWhoseMentorOrPartnerWasRenamedReadsUnderTheNewNames() throws Exception {
        Candidates.Enrolled enrolled = Candidates.oneMemberCohort();
        UUID session = UUID.randomUUID();
        KafkaTopics.send(TOPIC, session.toString(), booked(UUID.randomUUID().toString(), session, enrolled.member(), "META", "2024-02-06T09:00:00Z", "2024-02-06T10:00:00Z"));
        KafkaTopics.send(TOPIC, session.toString(), announced(UUID.randomUUID().toString(), "MentoringSessionChanged", session, enrolled.member(),
                "Prof. Lea Fontaine", "META", "Meta AI", "2024-02-06T09:00:00Z", "2024-02-06T10:00:00Z"));
        // Announced again as it already reads: nothing changes, so calendar apps have nothing to replace. A later
        // booking on the same partition shows when all three have been taken.
        KafkaTopics.send(TOPIC, session.toString(), announced(UUID.randomUUID().toString(), "MentoringSessionChanged", session, enrolled.member(),
                "Prof. Lea Fontaine", "META", "Meta AI", "2024-02-06T09:00:00Z", "2024-02-06T10:00:00Z"));
        UUID laterSession = UUID.randomUUID();
        KafkaTopics.send(TOPIC, session.toString(), booked(UUID.randomUUID().toString(), laterSession, enrolled.member(), "META", "2024-02-20T09:00:00Z", "2024-02-20T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", enrolled.cohort()).then().body("$", hasSize(2)));

        given().auth().oauth2(enrolled.token()).get("/cohorts/{id}/calendar", enrolled.cohort()).then()
                .body("[0].mentoringSessionId", equalTo(session.toString()))
                .body("[0].title", equalTo("Mentoring with Prof. Lea Fontaine (Meta AI)"))
                .body("[0].startsAt", equalTo("2024-02-06T09:00:00Z"))
                .body("[0].attendees", contains(enrolled.member()))
                .body("[0].version", equalTo(1));
        String ics = given().auth().oauth2(enrolled.token()).get("/members/{id}/calendar.ics", enrolled.member()).then().statusCode(200).extract().asString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getSummary().getValue())
                .containsExactly("Mentoring with Prof. Lea Fontaine (Meta AI)", "Mentoring with Dr. Lea Fontaine (Meta)");
        assertThat(events).extracting(e -> e.getSequence().getSequenceNo()).containsExactly(1, 0);
    }

    @Test
    void aSessionOfAMemberThisServiceDoesNotKnowGoesToTheDeadLetterTopic() {
        UUID session = UUID.randomUUID();
        String unknownMember = UUID.randomUUID().toString();
        KafkaTopics.send(TOPIC, session.toString(), booked(UUID.randomUUID().toString(), session, unknownMember, "META", "2024-02-06T09:00:00Z", "2024-02-06T10:00:00Z"));
        KafkaTopics.send(TOPIC, session.toString(), ended(session, "CANCELLED_EARLY", "2024-01-20T08:00:00Z"));

        List<ConsumerRecord<String, String>> dead = KafkaTopics.records("cohort-service.dlq", r -> session.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(KafkaTopics.deadLetterReason(dead.get(0))).contains("no member " + unknownMember);
        assertThat(KafkaTopics.header(dead.get(0), "dead-letter-topic")).isEqualTo(TOPIC);
        // The end of the session it never had in a calendar was taken as nothing to do, not as poison.
        assertThat(KafkaTopics.records("cohort-service.dlq", r -> session.toString().equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    private static String booked(String eventId, UUID session, String member, String partner, String startsAt, String endsAt) {
        return announced(eventId, "MentoringSessionBooked", session, member, "Dr. Lea Fontaine", partner, PARTNER_NAMES.get(partner), startsAt, endsAt);
    }

    /** A session still booked, as resources-service announces it when it is booked or renamed. */
    private static String announced(String eventId, String type, UUID session, String member, String mentorName, String partner,
                                    String partnerName, String startsAt, String endsAt) {
        return cloudEvent(eventId, type, session, """
                {"sessionId": "%s", "cohortId": "%s", "memberId": "%s", "mentorId": "%s", "mentorName": "%s",
                 "partner": "%s", "partnerName": "%s", "startsAt": "%s", "endsAt": "%s", "status": "BOOKED", "note": null,
                 "at": "2024-01-10T09:00:00Z"}"""
                .formatted(session, UUID.randomUUID(), member, UUID.randomUUID(), mentorName, partner, partnerName, startsAt, endsAt),
                "2024-01-10T09:00:00Z");
    }

    private static String ended(UUID session, String status, String at) {
        return cloudEvent(UUID.randomUUID().toString(), "MentoringSessionEnded", session, """
                {"sessionId": "%s", "memberId": "%s", "status": "%s", "note": "Ended", "at": "%s"}"""
                .formatted(session, UUID.randomUUID(), status, at), at);
    }

    private static String cloudEvent(String eventId, String type, UUID subject, String data, String time) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/resources-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json", "data": %s}"""
                .formatted(eventId, type, subject, time, data);
    }
}
