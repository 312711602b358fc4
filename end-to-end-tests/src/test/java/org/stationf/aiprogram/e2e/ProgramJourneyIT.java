package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.KafkaTopics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * One edition of the program, played with nothing but HTTP calls through the gateway against the real suite (the three
 * services and the gateway as separate processes, a Kafka broker, PostgreSQL): the call, twelve applicants, review,
 * shortlist, selection with a decline and the waitlist, enrollment, partner grants, usage, a withdrawal, graduation.
 * Every status the applicants, the admins and the partners see is checked at each step.
 */
@ExtendWith(RunningSuite.class)
class ProgramJourneyIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration EVENTUALLY = Duration.ofSeconds(45);

    private record Startup(String name, String token, String registration) {
    }

    private final String admin = Api.admin();
    private final Map<String, String> partners = new HashMap<>();

    @Test
    void oneEditionFromTheCallToGraduation() throws Exception {
        // The admin opens a call closing in 40 seconds, Paris time, with three partners' reviewers.
        LocalDateTime now = LocalDateTime.now(PARIS).withNano(0);
        LocalDateTime closesAt = now.plusSeconds(40);
        String call = createCall(now.minusDays(1), closesAt);
        List<String> reviewers = new ArrayList<>();
        Map<String, String> reviewerTokens = new LinkedHashMap<>();
        for (String organization : List.of("META", "HUGGING_FACE", "SCALEWAY")) {
            String account = "reviewer-" + organization.toLowerCase() + "-" + UUID.randomUUID();
            reviewerTokens.put(account, Api.client(List.of("reviewer"), null, account));
            Map<String, Object> request = new HashMap<>(Map.of("accountId", account, "name", "Reviewer " + organization,
                    "email", account + "@partner.example", "organization", organization));
            if (organization.equals("META")) {
                request.put("conflicts", Map.of("companies", List.of("Startup Zero SAS"), "domains", List.of()));
            }
            reviewers.add(Api.as(admin).contentType(ContentType.JSON).body(request).post("/api/reviewers").then().statusCode(201).extract().path("id"));
        }
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("reviewerIds", reviewers)).put("/api/calls/{id}/reviewers", call).then().statusCode(200);
        String someFounder = Api.founder("Curious Founder");
        Api.as(someFounder).queryParam("open", true).get("/api/calls").then().statusCode(200)
                .body("find { it.id == '" + call + "' }.acceptingApplications", equalTo(true));

        // Twelve startups sign up and apply: nine eligible, one not, one duplicate, one late.
        List<Startup> startups = new ArrayList<>();
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = i == 10 ? "Startup Zero" : "Startup " + WORDS[i];
            String registration = i == 10 ? "FR 100 000 000" : "FR " + (100_000_000 + i * 1_111);
            Startup startup = new Startup(name, Api.founder(name), registration);
            startups.add(startup);
            Map<String, Object> application = application(call, startup, i == 9 ? "IDEA" : "SEED");
            applications.add(Api.as(startup.token()).contentType(ContentType.JSON).body(application)
                    .post("/api/applications").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id"));
        }
        for (int i = 0; i <= 9; i++) {
            Api.as(startups.get(i).token()).post("/api/applications/{id}/submit", applications.get(i)).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED"))
                    .body("eligibility.outcome", equalTo(i == 9 ? "INELIGIBLE" : "ELIGIBLE"));
        }
        Api.as(startups.get(10).token()).post("/api/applications/{id}/submit", applications.get(10)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:duplicate-application"));
        Api.as(startups.get(10).token()).get("/api/applications/{id}", applications.get(10)).then().body("status", equalTo("DRAFT"));
        Api.as(startups.get(1).token()).get("/api/applications/{id}", applications.get(0)).then().statusCode(404);

        sleepUntil(closesAt.plusSeconds(1));
        String deadline = closesAt.atZone(PARIS).toOffsetDateTime().toString();
        Api.as(startups.get(11).token()).post("/api/applications/{id}/submit", applications.get(11)).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:deadline-passed"))
                .body("deadline", equalTo(deadline));
        Api.as(startups.get(11).token()).get("/api/applications/{id}", applications.get(11)).then()
                .body("status", equalTo("DRAFT")).body("company.name", equalTo(startups.get(11).name() + " SAS"));
        Api.as(admin).queryParam("callId", call).queryParam("status", "SUBMITTED").get("/api/applications").then()
                .body("total", equalTo(10));

        // Reviewers are assigned (never the conflicted one) and score.
        Api.as(admin).post("/api/calls/{id}/assignments", call).then().statusCode(200)
                .body("applications", equalTo(9)).body("assignmentsCreated", equalTo(18));
        List<Map<String, Object>> reviews = Api.as(admin).queryParam("callId", call).get("/api/reviews").then()
                .body("total", equalTo(18)).extract().jsonPath().getList("items");
        String metaReviewer = reviewers.get(0);
        assertThat(reviews.stream().filter(r -> r.get("applicationId").equals(applications.get(0))).map(r -> r.get("reviewerId")))
                .doesNotContain(metaReviewer);
        for (var reviewer : reviewerTokens.entrySet()) {
            Api.as(reviewer.getValue()).get("/api/reviewers/me").then().statusCode(200).body("accountId", equalTo(reviewer.getKey()));
            for (Map<String, Object> review : Api.as(reviewer.getValue()).queryParam("complete", false).get("/api/reviews").then()
                    .extract().jsonPath().<Map<String, Object>>getList("items")) {
                int index = applications.indexOf((String) review.get("applicationId"));
                int score = Math.max(1, 5 - index / 2);
                Api.as(reviewer.getValue()).contentType(ContentType.JSON)
                        .body(Map.of("scores", List.of(score("openModels", score), score("team", score), score("market", score))))
                        .put("/api/reviews/{id}/scores", review.get("id")).then().statusCode(200).body("complete", equalTo(true));
            }
            Api.as(reviewer.getValue()).queryParam("complete", false).get("/api/reviews").then().statusCode(200).body("total", equalTo(0));
        }
        Api.as(admin).queryParam("callId", call).queryParam("complete", true).get("/api/reviews").then().body("total", equalTo(18));
        Api.as(admin).get("/api/calls/{id}/statistics", call).then().statusCode(200)
                .body("applications", equalTo(12))
                .body("byStatus.SUBMITTED", equalTo(10)).body("byStatus.DRAFT", equalTo(2))
                .body("byEligibility.ELIGIBLE", equalTo(9)).body("byEligibility.INELIGIBLE", equalTo(1))
                .body("byStage.SEED", equalTo(9)).body("byStage.IDEA", equalTo(1))
                .body("byCountry.FR", equalTo(10)).body("byModel.'llama 2 13b'", equalTo(10))
                .body("reviews.assigned", equalTo(18)).body("reviews.complete", equalTo(18))
                .body("reviewers.findAll { it.complete != it.assigned }.size()", equalTo(0)).body("reviewers.assigned.sum()", equalTo(18));

        // The admin ranks, shortlists eight, rejects the rest, and publishes.
        JsonPath ranking = Api.as(admin).get("/api/calls/{id}/ranking", call).then().statusCode(200).extract().jsonPath();
        List<String> ranked = ranking.getList("entries.applicationId", String.class);
        assertThat(ranked).hasSize(9);
        List<String> shortlist = ranked.subList(0, 8);
        for (String application : ranked) {
            decide(application, shortlist.contains(application) ? "SHORTLISTED" : "REJECTED");
        }
        decide(applications.get(9), "REJECTED");
        Startup first = startup(startups, applications, shortlist.get(0));
        Api.as(first.token()).get("/api/applications/{id}", shortlist.get(0)).then().body("status", equalTo("SUBMITTED"));
        Api.as(admin).post("/api/calls/{id}/decisions/publish", call).then().statusCode(200)
                .body("shortlisted", equalTo(8)).body("rejected", equalTo(2));
        for (String application : ranked) {
            Api.as(startup(startups, applications, application).token()).get("/api/applications/{id}", application).then()
                    .body("status", equalTo(shortlist.contains(application) ? "SHORTLISTED" : "REJECTED"));
        }

        // Cohort-service learns the shortlist; five winners are selected and two waitlisted; the eighth is not picked.
        await().atMost(EVENTUALLY).untilAsserted(() ->
                Api.as(admin).queryParam("callId", call).get("/api/candidates").then().body("$", hasSize(8)));
        LocalDate start = LocalDate.now(PARIS).plusMonths(1);
        String cohort = Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "AI Startup Program cohort", "edition", "e2e", "callId", call, "startDate", start.toString(),
                        "endDate", start.plusMonths(5).toString(), "location", "Station F, Paris"))
                .post("/api/cohorts").then().statusCode(201).body("capacity", equalTo(5)).extract().path("id");
        Api.as(admin).post("/api/cohorts/{id}/open-selection", cohort).then().statusCode(200);
        setPackage(cohort);
        for (String application : shortlist.subList(0, 5)) {
            Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", application)).post("/api/cohorts/{id}/selections", cohort)
                    .then().statusCode(201);
        }
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", shortlist.get(5))).post("/api/cohorts/{id}/selections", cohort)
                .then().statusCode(409).body("type", equalTo("urn:ai-startup-program:problem:cohort-full"));
        for (String application : shortlist.subList(5, 7)) {
            Api.as(admin).contentType(ContentType.JSON).body(Map.of("applicationId", application)).post("/api/cohorts/{id}/waitlist", cohort)
                    .then().statusCode(201);
        }
        for (int i = 0; i < 7; i++) {
            String application = shortlist.get(i);
            String expected = i < 5 ? "SELECTED" : "WAITLISTED";
            eventually(startup(startups, applications, application), application, expected);
        }

        // The third winner declines; the first on the waitlist gets the place.
        Startup decliner = startup(startups, applications, shortlist.get(2));
        String declinedOffer = Api.as(decliner.token()).get("/api/offers").then().body("[0].status", equalTo("OFFERED")).extract().path("[0].id");
        Api.as(decliner.token()).contentType(ContentType.JSON).body(Map.of("reason", "We raised a seed round instead"))
                .post("/api/offers/{id}/decline", declinedOffer).then().statusCode(200).body("status", equalTo("DECLINED"));
        eventually(decliner, shortlist.get(2), "DECLINED");
        eventually(startup(startups, applications, shortlist.get(5)), shortlist.get(5), "SELECTED");
        // The admin's shortlist shows where each candidate stands: the decliner, the one promoted, one still in line, one never picked.
        String standing = "find { it.applicationId == '%s' }.selection";
        Api.as(admin).queryParam("callId", call).get("/api/candidates").then().statusCode(200)
                .body(standing.formatted(shortlist.get(2)) + ".status", equalTo("DECLINED"))
                .body(standing.formatted(shortlist.get(5)) + ".status", equalTo("OFFERED"))
                .body(standing.formatted(shortlist.get(5)) + ".cohortId", equalTo(cohort))
                .body(standing.formatted(shortlist.get(6)) + ".status", equalTo("WAITLISTED"))
                .body(standing.formatted(shortlist.get(6)) + ".waitlistPosition", equalTo(1))
                .body(standing.formatted(shortlist.get(7)), nullValue());
        List<String> winners = new ArrayList<>(List.of(shortlist.get(0), shortlist.get(1), shortlist.get(3), shortlist.get(4), shortlist.get(5)));

        // The winners accept and become members; each gets its grants from the three partners.
        Map<String, String> members = new LinkedHashMap<>();
        for (String application : winners) {
            members.put(application, accept(startup(startups, applications, application)));
            eventually(startup(startups, applications, application), application, "ACCEPTED");
        }
        Api.as(admin).get("/api/cohorts/{id}", cohort).then().body("placesTaken", equalTo(5));
        for (String partner : List.of("META", "HUGGING_FACE", "SCALEWAY")) {
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(partnerToken(partner)).queryParam("cohortId", cohort).get("/api/resources/grants")
                    .then().statusCode(200).body("$", hasSize(5)).body("partner", everyItem(equalTo(partner))).body("status", everyItem(equalTo("ISSUED"))));
        }
        Api.as(partnerToken("SCALEWAY")).get("/api/cohorts/{id}/members", cohort).then().statusCode(200)
                .body("$", hasSize(5)).body("[0].contacts", nullValue());
        Startup member = startup(startups, applications, winners.get(0));
        Api.as(member.token()).get("/api/resources/members/{id}/grants", members.get(winners.get(0))).then().statusCode(200)
                .body("partner", containsInAnyOrder("META", "HUGGING_FACE", "SCALEWAY"));

        // Partners activate their grants and report usage.
        for (String partner : List.of("META", "HUGGING_FACE", "SCALEWAY")) {
            for (Map<String, Object> grant : Api.as(partnerToken(partner)).queryParam("cohortId", cohort).get("/api/resources/grants")
                    .then().extract().jsonPath().<Map<String, Object>>getList("$")) {
                Api.as(partnerToken(partner)).contentType(ContentType.JSON).body(Map.of("externalReference", partner.toLowerCase() + "-" + grant.get("memberId")))
                        .post("/api/resources/grants/{id}/activation", grant.get("id")).then().statusCode(200).body("status", equalTo("ACTIVE"));
                String quantity = switch (partner) {
                    case "META" -> "2.5";
                    case "HUGGING_FACE" -> "3";
                    default -> "1200.40";
                };
                String key = "usage-" + grant.get("id");
                Map<String, Object> usage = Map.of("quantity", quantity, "description", "January usage");
                var debited = Api.as(partnerToken(partner)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(usage)
                        .post("/api/resources/grants/{id}/usage", grant.get("id")).then().statusCode(201)
                        .header("Location", startsWith(RunningSuite.GATEWAY + "/api/resources/grants/" + grant.get("id") + "/ledger/")).extract();
                String replay = Api.as(partnerToken(partner)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(usage)
                        .post("/api/resources/grants/{id}/usage", grant.get("id")).then().statusCode(201)
                        .header("Idempotent-Replayed", "true").extract().asString();
                assertThat(replay).isEqualTo(debited.asString());
                Api.as(partnerToken(partner)).get(debited.header("Location")).then().statusCode(200)
                        .body("type", equalTo("DEBIT")).body("amount", equalTo(-Float.parseFloat(quantity)));
            }
        }
        String credits = grantOf(member.token(), members.get(winners.get(0)), "SCALEWAY");
        Api.as(member.token()).get("/api/resources/grants/{id}", credits).then()
                .body("status", equalTo("ACTIVE")).body("balance", equalTo(28799.6f)).body("used", equalTo(1200.4f));
        Api.as(partnerToken("META")).get("/api/resources/grants/{id}", credits).then().statusCode(404);

        // Meta's mentor publishes an hour; the member books it, then cancels two days ahead, for free. Each step is read
        // back, through the gateway, where its Location points.
        String mentor = Api.as(partnerToken("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Dr. Lea Fontaine", "email", "lea-" + cohort + "@meta.example", "expertise", List.of("Llama")))
                .post("/api/resources/mentors").then().statusCode(201)
                .header("Location", startsWith(RunningSuite.GATEWAY + "/api/resources/mentors/")).extract().header("Location");
        ZonedDateTime slotStart = ZonedDateTime.now(PARIS).plusDays(2).withNano(0);
        String slot = Api.as(partnerToken("META")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", slotStart.toOffsetDateTime().toString(), "endsAt", slotStart.plusHours(1).toOffsetDateTime().toString()))
                .post(mentor + "/slots").then().statusCode(201).extract().header("Location");
        String mentoringSession = Api.as(member.token()).contentType(ContentType.JSON).body(Map.of("memberId", members.get(winners.get(0))))
                .post(slot + "/booking").then().statusCode(201).extract().header("Location");
        Api.as(partnerToken("META")).get(mentoringSession).then().statusCode(200)
                .body("memberId", equalTo(members.get(winners.get(0)))).body("status", equalTo("BOOKED")).body("mentorName", equalTo("Dr. Lea Fontaine"));
        Api.as(member.token()).get(slot).then().statusCode(200).body("status", equalTo("BOOKED"));
        Api.as(partnerToken("SCALEWAY")).get(mentoringSession).then().statusCode(404);
        // The booking reaches the member's calendar in cohort-service, by event; so does its cancellation, below.
        String sessionId = mentoringSession.substring(mentoringSession.lastIndexOf('/') + 1);
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(member.token()).get("/api/cohorts/{id}/calendar", cohort).then()
                .body("findAll { it.mentoringSessionId == '" + sessionId + "' }.title", equalTo(List.of("Mentoring with Dr. Lea Fontaine (Meta)")))
                .body("findAll { it.mentoringSessionId == '" + sessionId + "' }.cancelledAt", equalTo(Collections.singletonList(null))));
        // Meta renames its mentor: the booked session reads under the new name in the calendar too.
        Api.as(partnerToken("META")).contentType(ContentType.JSON)
                .body(Map.of("name", "Prof. Lea Fontaine", "email", "lea-" + cohort + "@meta.example", "expertise", List.of("Llama")))
                .put(mentor).then().statusCode(200).body("name", equalTo("Prof. Lea Fontaine"));
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(member.token()).get("/api/cohorts/{id}/calendar", cohort).then()
                .body("findAll { it.mentoringSessionId == '" + sessionId + "' }.title", equalTo(List.of("Mentoring with Prof. Lea Fontaine (Meta)"))));
        Api.as(member.token()).contentType(ContentType.JSON).body(Map.of("reason", "Pitching to investors that day"))
                .post(mentoringSession + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED_EARLY"));
        Api.as(member.token()).get(slot).then().body("status", equalTo("OPEN"));
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(member.token()).get("/api/members/{id}/calendar.ics", members.get(winners.get(0)))
                .then().statusCode(200).body(containsString("SUMMARY:Mentoring with Prof. Lea Fontaine (Meta)"), containsString("STATUS:CANCELLED")));
        Api.as(member.token()).get("/api/resources/grants/{id}", grantOf(member.token(), members.get(winners.get(0)), "META")).then()
                .body("balance", equalTo(17.5f)).body("used", equalTo(2.5f));

        // A member withdraws before the start: its unused grants are revoked and the last on the waitlist gets the place.
        String leaving = winners.get(4);
        Startup leaver = startup(startups, applications, leaving);
        Api.as(leaver.token()).contentType(ContentType.JSON).body(Map.of("reason", "Acquired by a larger company"))
                .post("/api/members/{id}/withdraw", members.get(leaving)).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(leaver.token()).get("/api/resources/members/{id}/grants", members.get(leaving))
                .then().body("status", everyItem(equalTo("REVOKED"))).body("balance", everyItem(equalTo(0.0f))));
        String revokedCredits = grantOf(leaver.token(), members.get(leaving), "SCALEWAY");
        Api.as(partnerToken("SCALEWAY")).get("/api/resources/grants/{id}/ledger", revokedCredits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "REVOKE"))).body("ledgerSum", equalTo(0.0f));
        Startup lastOnWaitlist = startup(startups, applications, shortlist.get(6));
        eventually(lastOnWaitlist, shortlist.get(6), "SELECTED");
        members.put(shortlist.get(6), accept(lastOnWaitlist));
        members.remove(leaving);
        await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(lastOnWaitlist.token()).get("/api/resources/grants").then().body("$", hasSize(3)));

        // The program runs and completes: members graduate and their partner resources end. At the start, the
        // shortlisted startup never picked hears back: no place for it.
        Startup notPicked = startup(startups, applications, shortlist.get(7));
        Api.as(notPicked.token()).get("/api/applications/{id}", shortlist.get(7)).then().body("status", equalTo("SHORTLISTED"));
        Api.as(admin).post("/api/cohorts/{id}/start", cohort).then().statusCode(200).body("status", equalTo("RUNNING"));
        Api.as(admin).post("/api/cohorts/{id}/start", cohort).then().statusCode(409);
        eventually(notPicked, shortlist.get(7), "NOT_SELECTED");
        Api.as(notPicked.token()).get("/api/offers").then().body("status", equalTo(List.of("NOT_SELECTED")));
        String demoDayDate = start.plusMonths(5).minusDays(1).toString();
        Map<String, Object> demoDay = Map.of("kind", "DEMO_DAY", "title", "Demo day", "startsAt", demoDayDate + "T14:00:00+02:00",
                "endsAt", demoDayDate + "T18:00:00+02:00", "location", "Station F, Paris");
        Api.as(admin).contentType(ContentType.JSON).body(demoDay).post("/api/cohorts/{id}/calendar", cohort).then().statusCode(201);
        Api.as(lastOnWaitlist.token()).get("/api/members/{id}/calendar.ics", members.get(shortlist.get(6))).then().statusCode(200)
                .contentType(startsWith("text/calendar")).body(containsString("SUMMARY:Demo day"));
        Api.as(admin).post("/api/cohorts/{id}/complete", cohort).then().statusCode(200).body("status", equalTo("COMPLETED"));
        for (var entry : members.entrySet()) {
            Startup graduate = startup(startups, applications, entry.getKey());
            Api.as(graduate.token()).get("/api/members/{id}", entry.getValue()).then().body("status", equalTo("GRADUATED"));
            await().atMost(EVENTUALLY).untilAsserted(() -> Api.as(graduate.token()).get("/api/resources/members/{id}/grants", entry.getValue())
                    .then().body("status", everyItem(equalTo("EXPIRED"))));
        }
        Api.as(leaver.token()).get("/api/members/me").then().body("[0].status", equalTo("WITHDRAWN"));
        // The package is what the members received: after completion it no longer changes, so no grant goes to alumni.
        Map<String, Object> renewed = new LinkedHashMap<>(packageRequest());
        renewed.put("version", Api.as(admin).get("/api/resources/packages/{id}", cohort).then().statusCode(200).extract().path("version"));
        Api.as(admin).contentType(ContentType.JSON).body(renewed).put("/api/resources/packages/{id}", cohort).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-completed"));
        // So are its calendar and milestones: the record of the edition.
        Api.as(admin).contentType(ContentType.JSON).body(demoDay).post("/api/cohorts/{id}/calendar", cohort).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-completed"));
        Api.as(admin).accept("text/csv").get("/api/resources/cohorts/{id}/grants-report", cohort).then().statusCode(200)
                .body(containsString("SCALEWAY,COMPUTE_CREDITS,EUR,30000.00"));

        // Each consumer handled or ignored every event of the edition (each names the call, the cohort or an application):
        // none was dead-lettered, as an event type some consumer does not know would be.
        List<String> editionIds = new ArrayList<>(applications);
        editionIds.addAll(List.of(call, cohort));
        for (String deadLetters : List.of("applications-service.dlq", "cohort-service.dlq", "resources-service.dlq")) {
            assertThat(KafkaTopics.records(RunningSuite.KAFKA, deadLetters,
                    r -> r.value() != null && editionIds.stream().anyMatch(r.value()::contains), 1, Duration.ofSeconds(3)))
                    .as(deadLetters).extracting(KafkaTopics::deadLetterReason).isEmpty();
        }
    }

    private String createCall(LocalDateTime opensAt, LocalDateTime closesAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "AI Startup Program (journey)");
        request.put("edition", "e2e-" + UUID.randomUUID().toString().substring(0, 8));
        request.put("description", "Startups building on open foundation models, with Meta, Hugging Face and Scaleway.");
        request.put("timeZone", "Europe/Paris");
        request.put("opensAt", opensAt.toString());
        request.put("closesAt", closesAt.toString());
        request.put("reviewClosesAt", closesAt.plusDays(14).toString());
        request.put("places", 5);
        request.put("reviewersPerApplication", 2);
        request.put("partners", List.of("META", "HUGGING_FACE", "SCALEWAY"));
        request.put("eligibility", Map.of("requireOpenModel", true, "openModels", List.of("Llama", "Mistral", "Falcon"),
                "stages", List.of("PRE_SEED", "SEED", "SERIES_A")));
        request.put("questions", List.of(Map.of("key", "openModelUse", "label", "How do you use open models?", "required", true, "maxLength", 2000)));
        request.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(
                Map.of("key", "openModels", "label", "Open models", "weight", 0.4),
                Map.of("key", "team", "label", "Team", "weight", 0.3),
                Map.of("key", "market", "label", "Market", "weight", 0.3))));
        String call = Api.as(admin).contentType(ContentType.JSON).body(request)
                .post("/api/calls").then().statusCode(201).extract().path("id");
        Api.as(admin).post("/api/calls/{id}/publish", call).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return call;
    }

    private static Map<String, Object> application(String call, Startup startup, String stage) {
        String domain = startup.name().toLowerCase().replace(' ', '-') + ".example";
        return Map.of("callId", call,
                "company", Map.of("name", startup.name() + " SAS", "registrationNumber", startup.registration(), "country", "FR",
                        "website", "https://" + domain),
                "founders", List.of(Map.of("name", "Founder of " + startup.name(), "email", "founder@" + domain, "role", "CEO")),
                "stage", stage, "teamSize", 4,
                "models", List.of(Map.of("name", "Llama 2 13B", "usage", "Fine-tuned on our data")),
                "product", "A product built on an open foundation model",
                "answers", Map.of("openModelUse", "We fine-tune Llama 2 and serve it on Scaleway"));
    }

    private void setPackage(String cohort) {
        Program.putPackage(admin, cohort, packageRequest()).statusCode(200);
    }

    private static Map<String, Object> packageRequest() {
        return Map.of("name", "Cohort package", "items", List.of(
                        Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS", "description", "Mentoring by Meta researchers",
                                "amount", "20", "unit", "HOUR"),
                        Map.of("key", "hf-access", "partner", "HUGGING_FACE", "kind", "PLATFORM_ACCESS", "description", "Hugging Face Enterprise Hub",
                                "amount", "10", "unit", "SEAT", "entitlements", List.of("Enterprise Hub", "ZeroGPU")),
                        Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS", "description", "Scaleway credits",
                                "amount", "30000.00", "unit", "EUR", "expiresOn", LocalDate.now().plusYears(2).toString())));
    }

    private void decide(String application, String decision) {
        Api.as(admin).contentType(ContentType.JSON).body(Map.of("decision", decision, "reason", decision.equals("REJECTED") ? "Below the shortlist" : "Top of the ranking"))
                .put("/api/applications/{id}/decision", application).then().statusCode(200);
    }

    /** Accepts the startup's open offer; returns its member id once enrolled. */
    private static String accept(Startup startup) {
        String offer = Api.as(startup.token()).get("/api/offers").then().extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(o -> o.get("status").equals("OFFERED")).map(o -> (String) o.get("id")).findFirst().orElseThrow();
        Api.as(startup.token()).contentType(ContentType.JSON).body(Map.of("contacts", List.of(Map.of("name", "CEO of " + startup.name(),
                        "email", "ceo@" + startup.name().toLowerCase().replace(' ', '-') + ".example", "role", "CEO"))))
                .post("/api/offers/{id}/accept", offer).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        return Api.as(startup.token()).get("/api/members/me").then().body("[0].status", equalTo("ENROLLED")).extract().path("[0].id");
    }

    private String partnerToken(String partner) {
        return partners.computeIfAbsent(partner, Api::partner);
    }

    private static String grantOf(String token, String member, String partner) {
        return Api.as(token).get("/api/resources/members/{id}/grants", member).then().extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(g -> g.get("partner").equals(partner)).map(g -> (String) g.get("id")).findFirst().orElseThrow();
    }

    private static void eventually(Startup startup, String application, String status) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Api.as(startup.token()).get("/api/applications/{id}", application).then().statusCode(200).body("status", equalTo(status)));
    }

    private static Startup startup(List<Startup> startups, List<String> applications, String application) {
        return startups.get(applications.indexOf(application));
    }

    private static Map<String, Object> score(String criterion, int score) {
        return Map.of("criterion", criterion, "score", score, "comment", "Scored " + score + " on " + criterion);
    }

    private static void sleepUntil(LocalDateTime parisTime) throws InterruptedException {
        long millis = Duration.between(ZonedDateTime.now(PARIS), parisTime.atZone(PARIS)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static final String[] WORDS = {"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven"};
}
