package org.stationf.aiprogram.cohorts;

import org.stationf.aiprogram.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Shortlists candidates as applications-service does (through Kafka) and sets up cohorts as an admin would. */
public final class Candidates {

    public record Shortlisted(UUID applicationId, String applicantId, String company) {
        public String token() {
            return TestTokens.applicant(applicantId);
        }
    }

    /** A startup enrolled, alone so far, in a new cohort of a new call. */
    public record Enrolled(UUID callId, Shortlisted startup, String cohort, String member) {
        public String token() {
            return startup.token();
        }
    }

    private Candidates() {
    }

    /** A new call's one shortlisted startup, selected for a cohort of five starting next month, and enrolled. */
    public static Enrolled oneMemberCohort() {
        return oneCohortOf(1).get(0);
    }

    /** A new call's n shortlisted startups, each selected for one cohort of five starting next month and enrolled, in rank order. */
    public static List<Enrolled> oneCohortOf(int n) {
        UUID callId = UUID.randomUUID();
        List<Shortlisted> startups = shortlist(callId, n);
        String cohort = selectingCohort(callId, 5);
        return startups.stream().map(startup -> new Enrolled(callId, startup, cohort, enroll(cohort, startup))).toList();
    }

    public static String shortlistedEvent(String eventId, UUID applicationId, UUID callId, String applicantId, String company, int rank) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/applications-service", "type": "ApplicationShortlisted",
                 "subject": "%s", "time": "2023-12-20T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"applicationId": "%s", "callId": "%s", "applicantId": "%s", "companyName": "%s", "country": "FR",
                          "stage": "SEED", "models": ["Llama 2 13B"], "rank": %d, "normalizedScore": 0.5,
                          "founders": [{"name": "Camille Durand", "email": "camille@example.com", "role": "CEO"}],
                          "shortlistedAt": "2023-12-20T10:00:00Z", "somethingNew": "ignored by a tolerant reader"}}"""
                .formatted(eventId, applicationId, applicationId, callId, applicantId, company, rank);
    }

    /** n candidates of a call, shortlisted through the broker; returns once cohort-service has them all. */
    public static List<Shortlisted> shortlist(UUID callId, int n) {
        List<Shortlisted> shortlisted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shortlisted.add(sendShortlisted(callId, i + 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin()).queryParam("callId", callId.toString())
                .get("/candidates").then().extract().jsonPath().getList("$").size() == n);
        return shortlisted;
    }

    /** One more candidate of the call, ranked {@code rank}, shortlisted through the broker; returns once cohort-service has it. */
    public static Shortlisted shortlistOneMore(UUID callId, int rank) {
        Shortlisted candidate = sendShortlisted(callId, rank);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.admin())
                .get("/candidates/{id}", candidate.applicationId()).statusCode() == 200);
        return candidate;
    }

    private static Shortlisted sendShortlisted(UUID callId, int rank) {
        Shortlisted candidate = new Shortlisted(UUID.randomUUID(), "startup-" + UUID.randomUUID(), "Startup " + rank);
        KafkaTopics.send("program.applications", candidate.applicationId().toString(), shortlistedEvent(UUID.randomUUID().toString(),
                candidate.applicationId(), callId, candidate.applicantId(), candidate.company(), rank));
        return candidate;
    }

    /** The candidate's application withdrawn, as applications-service announces it through the broker. */
    public static void withdraw(Shortlisted candidate, String reason) {
        KafkaTopics.send("program.applications", candidate.applicationId().toString(), ApplicationEventsConsumerTest.cloudEvent(
                UUID.randomUUID().toString(), "ApplicationWithdrawn", candidate.applicationId(),
                "{\"applicationId\": \"" + candidate.applicationId() + "\", \"reason\": \"" + reason + "\"}"));
    }

    /** A cohort for the call, starting next month, in SELECTING. */
    public static String selectingCohort(UUID callId, int capacity) {
        String cohort = cohort(callId, capacity);
        given().auth().oauth2(TestTokens.admin()).post("/cohorts/{id}/open-selection", cohort).then().statusCode(200);
        return cohort;
    }

    public static String cohort(UUID callId, int capacity) {
        LocalDate start = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC).plusMonths(1);
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Cohort " + UUID.randomUUID(), "edition", "2024", "callId", callId,
                        "startDate", start.toString(), "endDate", start.plusMonths(5).toString(), "capacity", capacity,
                        "offerValidity", "P7D"))
                .post("/cohorts").then().statusCode(201).extract().path("id");
    }

    public static String select(String cohort, UUID applicationId) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", applicationId))
                .post("/cohorts/{id}/selections", cohort).then().statusCode(201).extract().path("id");
    }

    /** Puts the candidate on the waitlist; returns where its selection is read (its Location). */
    public static String waitlist(String cohort, UUID applicationId) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("applicationId", applicationId))
                .post("/cohorts/{id}/waitlist", cohort).then().statusCode(201).extract().header("Location");
    }

    /** Selected, then accepting its offer: the candidate is a member; returns the member's id. */
    public static String enroll(String cohort, Shortlisted candidate) {
        return accept(candidate, select(cohort, candidate.applicationId()));
    }

    public static LocalDate startDate(String cohort) {
        return LocalDate.parse(given().auth().oauth2(TestTokens.admin()).get("/cohorts/{id}", cohort).then().statusCode(200).extract().path("startDate"));
    }

    public static String accept(Shortlisted candidate, String offer) {
        given().auth().oauth2(candidate.token()).contentType(ContentType.JSON)
                .body(Map.of("contacts", List.of(Map.of("name", "Camille Durand", "email", "camille@" + candidate.applicationId() + ".example", "role", "CEO"))))
                .post("/offers/{id}/accept", offer).then().statusCode(200);
        return given().auth().oauth2(candidate.token()).get("/members/me").then().statusCode(200).extract().path("[0].id");
    }

    /** The candidate declines its offer, with a reason; the answer, for what a test checks of it. */
    public static ValidatableResponse decline(Shortlisted candidate, String offer, String reason) {
        return given().auth().oauth2(candidate.token()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/offers/{id}/decline", offer).then().statusCode(200);
    }
}
