package org.stationf.aiprogram.resources;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.resources.events.CohortEventsConsumer;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestClock;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class GrantTest {

    @Inject
    CohortEventsConsumer cohortEvents;

    private static final String PROBLEM = "application/problem+json";

    /** Offers and the waitlist are cohort-service's and applications-service's business: they pass here, not to the dead letters. */
    @Test
    void selectionOutcomesOnTheCohortTopicPassWithoutBeingDeadLettered() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member member = new Program.Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
        String key = member.memberId().toString();
        for (String type : List.of("CandidateSelected", "CandidateWaitlisted", "CandidateNotSelected", "OfferAccepted", "OfferDeclined", "OfferExpired")) {
            KafkaTopics.send("program.cohorts", key, Program.cloudEvent(UUID.randomUUID().toString(), type, member.memberId(),
                    "{\"applicationId\": \"" + member.memberId() + "\", \"cohortId\": \"" + cohort + "\", \"reason\": \"" + type + "\"}"));
        }
        // The same key, so the same partition: once this enrollment has its grants, the outcomes before it were consumed.
        KafkaTopics.send("program.cohorts", key, Program.memberEnrolled(UUID.randomUUID().toString(), member));
        await().atMost(Duration.ofSeconds(30)).until(() -> Program.grants(member).size() == 3);
        assertThat(KafkaTopics.records("resources-service.dlq", r -> r.value().contains(key), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aRedeliveredMemberEnrolledCreatesTheGrantsExactlyOnce() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member member = new Program.Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
        String event = Program.memberEnrolled(UUID.randomUUID().toString(), member);
        for (int i = 0; i < 3; i++) {
            KafkaTopics.send("program.cohorts", member.memberId().toString(), event);
        }
        // A different event id for the same member (a replay from another source) must not double the grants either.
        KafkaTopics.send("program.cohorts", member.memberId().toString(), Program.memberEnrolled(UUID.randomUUID().toString(), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> Program.grants(member).size() == 3);
        Program.enroll(cohort);   // a later event on the topic: by then the redeliveries were processed
        List<Map<String, Object>> grants = Program.grants(member);
        assertThat(grants).hasSize(3);
        assertThat(grants).extracting(g -> g.get("partner")).containsExactlyInAnyOrder("META", "HUGGING_FACE", "SCALEWAY");
        Map<String, Object> credits = grants.stream().filter(g -> g.get("partner").equals("SCALEWAY")).findFirst().orElseThrow();
        assertThat(credits.get("amountGranted")).isEqualTo(30000.0f);
        assertThat(credits.get("balance")).isEqualTo(30000.0f);
        assertThat(credits.get("status")).isEqualTo("ISSUED");
        assertThat(KafkaTopics.cloudEvents("program.grants", "GrantIssued", (String) credits.get("id"), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(KafkaTopics.records("resources-service.dlq", r -> r.value().contains(member.memberId().toString()), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aPartnerActivatesSeesAndChangesOnlyItsOwnGrants() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member member = Program.enroll(cohort);
        String credits = Program.grantOf(member, "SCALEWAY");
        String hub = Program.grantOf(member, "HUGGING_FACE");

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON).body(Map.of("externalReference", "org-7f3c2a"))
                .post("/grants/{id}/activation", credits).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("externalReference", equalTo("org-7f3c2a"));
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON).body(Map.of("externalReference", "org-7f3c2a"))
                .post("/grants/{id}/activation", credits).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON).body(Map.of("externalReference", "org-other"))
                .post("/grants/{id}/activation", credits).then().statusCode(409).contentType(PROBLEM);

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/grants/{id}", hub).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/grants/{id}/ledger", hub).then().statusCode(404);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON).body(Map.of("externalReference", "steal"))
                .post("/grants/{id}/activation", hub).then().statusCode(404);
        Program.reportUsage(hub, "SCALEWAY", "1", "x").statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get("/grants").then().statusCode(200)
                .body("partner", everyItem(equalTo("SCALEWAY")));
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get("/grants/{id}", hub).then().statusCode(200)
                .body("entitlements", hasItem("Enterprise Hub"));

        given().auth().oauth2(member.token()).get("/members/{id}/grants", member.memberId()).then().statusCode(200).body("$", hasSize(3));
        given().auth().oauth2(TestTokens.applicant("someone-else")).get("/members/{id}/grants", member.memberId()).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(TestTokens.applicant("someone-else")).get("/grants/{id}", credits).then().statusCode(404);
        assertThat(KafkaTopics.cloudEvents("program.grants", "GrantActivated", credits, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void aWithdrawalRevokesTheUnusedRestAndCompletionExpiresWhatRemains() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member leaving = Program.enroll(cohort);
        Program.Member staying = Program.enroll(cohort);
        String credits = Program.grantOf(leaving, "SCALEWAY");
        Program.activate(credits, "SCALEWAY");
        Program.reportUsage(credits, "SCALEWAY", "1200.50", "GPU instances, January").statusCode(201);

        Program.withdraw(leaving, "Acquired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then().body("status", equalTo("REVOKED")));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "REVOKE")))
                .body("entries[2].amount", equalTo(-28799.5f))
                .body("balance", equalTo(0.0f)).body("ledgerSum", equalTo(0.0f));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then().body("used", equalTo(1200.5f));
        assertThat(Program.grants(leaving)).extracting(g -> g.get("status")).containsOnly("REVOKED");
        assertThat(KafkaTopics.cloudEvents("program.grants", "GrantRevoked", credits, 1, Duration.ofSeconds(20))).hasSize(1);

        KafkaTopics.send("program.cohorts", cohort.toString(), Program.cloudEvent(UUID.randomUUID().toString(), "CohortCompleted",
                cohort, "{\"cohortId\": \"" + cohort + "\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Program.grants(staying)).extracting(g -> g.get("status")).containsOnly("EXPIRED"));
    }

    @Test
    void aCompletedCohortsPackageNoLongerChangesAndALateEnrollmentGetsNoGrant() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member alumnus = Program.enroll(cohort);
        KafkaTopics.send("program.cohorts", cohort.toString(), Program.cloudEvent(UUID.randomUUID().toString(), "CohortCompleted",
                cohort, "{\"cohortId\": \"" + cohort + "\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Program.grants(alumnus)).extracting(g -> g.get("status")).containsOnly("EXPIRED"));

        int version = given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().extract().path("version");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "2024 cohort package", "version", version, "items", List.of(Program.scalewayCredits("50000.00"))))
                .put("/packages/{cohortId}", cohort).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-completed"))
                .body("completedAt", equalTo("2024-01-05T10:00:00Z"));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then()
                .body("version", equalTo(version)).body("items", hasSize(3));

        // An enrollment event consumed after the completion (it travels on another partition) issues nothing.
        Program.Member late = new Program.Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
        cohortEvents.consume(new ConsumerRecord<>("program.cohorts", 0, 0, late.memberId().toString(),
                Program.memberEnrolled(UUID.randomUUID().toString(), late)));
        assertThat(Program.grants(late)).isEmpty();
        assertThat(Program.grants(alumnus)).extracting(g -> g.get("status")).containsOnly("EXPIRED");
    }

    /** An admin in Swagger UI finds the packages without knowing the cohort ids: the one just changed comes first. */
    @Test
    void packagesAreListedTheMostRecentlyChangedFirst() {
        UUID older = Program.plannedCohort();
        UUID newer = Program.plannedCohort();
        try {
            // A century ahead: later than any package the other tests put, with the clock moved or not.
            TestClock.CLOCK.setTo(Instant.now().plus(Duration.ofDays(36_500)));
            Program.packageFor(older, "30000.00");
            TestClock.CLOCK.advance(Duration.ofMinutes(1));
            Program.packageFor(newer, "30000.00");
        } finally {
            TestClock.CLOCK.reset();
        }

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("size", 2).get("/packages").then().statusCode(200)
                .body("items.cohortId", equalTo(List.of(newer.toString(), older.toString())))
                .body("items[0].items.partner", equalTo(List.of("META", "HUGGING_FACE", "SCALEWAY")))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(TestTokens.admin()).queryParam("page", 1).queryParam("size", 1).get("/packages").then().statusCode(200)
                .body("items.cohortId", equalTo(List.of(older.toString())));
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 101).get("/packages").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
    }

    /**
     * An admin pastes a cohort id with a typo: no package is made for a cohort no member will ever join. Once cohort-service
     * has announced the cohort, the same request succeeds.
     */
    @Test
    void aPackageIsPutOnlyForACohortThatCohortServiceCreated() {
        UUID cohort = UUID.randomUUID();
        Map<String, Object> resourcePackage = Map.of("name", "2024 cohort package", "items", List.of(Program.scalewayCredits("30000.00")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(resourcePackage)
                .put("/packages/{cohortId}", cohort).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-unknown"))
                .body("detail", containsString("No cohort " + cohort + " is known here"));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().statusCode(404);

        KafkaTopics.send("program.cohorts", cohort.toString(), Program.cohortPlanned(UUID.randomUUID().toString(), cohort));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(resourcePackage).put("/packages/{cohortId}", cohort).then().statusCode(200).body("version", equalTo(0)));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().statusCode(200)
                .body("items.key", equalTo(List.of("scaleway-credits")));
    }

    /** A cohort made by mistake and discarded in cohort-service while planned takes its package with it. */
    @Test
    void aDiscardedCohortsPackageGoesAndIsNotPutAgain() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        String discarded = Program.cloudEvent(UUID.randomUUID().toString(), "CohortDiscarded", cohort, "{\"cohortId\": \"" + cohort + "\"}");
        KafkaTopics.send("program.cohorts", cohort.toString(), discarded);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().statusCode(404).contentType(PROBLEM));

        Map<String, Object> putAgain = Map.of("name", "2024 cohort package", "items", List.of(Program.scalewayCredits("50000.00")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(putAgain)
                .put("/packages/{cohortId}", cohort).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:cohort-discarded"))
                .body("discardedAt", equalTo("2024-01-05T10:00:00Z"));

        // Published again under another event id and time, it changes nothing: the first discard stands.
        String republished = Program.cloudEvent(UUID.randomUUID().toString(), "CohortDiscarded", cohort, "{\"cohortId\": \"" + cohort + "\"}")
                .replace("2024-01-05T10:00:00Z", "2024-02-01T10:00:00Z");
        cohortEvents.consume(new ConsumerRecord<>("program.cohorts", 0, 0, cohort.toString(), republished));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(putAgain)
                .put("/packages/{cohortId}", cohort).then().statusCode(409).body("discardedAt", equalTo("2024-01-05T10:00:00Z"));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().statusCode(404);
    }

    @Test
    void aChangedPackageAppliesToMembersEnrollingFromNowOnAndLeavesIssuedGrantsAsIssued() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member early = Program.enroll(cohort);

        int version = given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().extract().path("version");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "2024 cohort package, raised", "version", version, "items", List.of(Program.scalewayCredits("50000.00"))))
                .put("/packages/{cohortId}", cohort).then().statusCode(200).body("grantsIssued", equalTo(0));

        assertThat(Program.grants(early)).hasSize(3);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", Program.grantOf(early, "SCALEWAY")).then()
                .body("amountGranted", equalTo(30000.0f)).body("balance", equalTo(30000.0f));
        Program.Member late = new Program.Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
        KafkaTopics.send("program.cohorts", late.memberId().toString(), Program.memberEnrolled(UUID.randomUUID().toString(), late));
        await().atMost(Duration.ofSeconds(30)).until(() -> Program.grants(late).size() == 1);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", Program.grantOf(late, "SCALEWAY")).then()
                .body("amountGranted", equalTo(50000.0f)).body("description", equalTo("Scaleway cloud credits"));
    }

    @Test
    void creditsExpireByThemselvesAfterTheirExpiryDateAndOnlyThem() {
        // Scaleway credits expire on 2030-12-31; the other grants do not expire
        Program.MemberGrant activated = Program.activeGrant("SCALEWAY", "30000.00");
        Program.Member member = activated.member();
        String credits = activated.grantId();
        Program.reportUsage(credits, "SCALEWAY", "500.00", "GPU instances").statusCode(201);
        try {
            // The last second of the expiry date (UTC): still usable.
            TestClock.CLOCK.setTo(Instant.parse("2030-12-31T23:59:59Z"));
            assertThat(KafkaTopics.cloudEvents("program.grants", "GrantExpired", credits, 1, Duration.ofSeconds(3))).isEmpty();
            given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then().body("status", equalTo("ACTIVE"));

            // The day after: the expiry job (every second in tests) expires what is left, with a ledger entry and an event.
            TestClock.CLOCK.setTo(Instant.parse("2031-01-01T00:00:01Z"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then().body("status", equalTo("EXPIRED")));
        } finally {
            TestClock.CLOCK.reset();
        }
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "EXPIRE")))
                .body("entries[2].amount", equalTo(-29500.0f))
                .body("balance", equalTo(0.0f)).body("ledgerSum", equalTo(0.0f));
        assertThat(KafkaTopics.cloudEvents("program.grants", "GrantExpired", credits, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(Program.grants(member)).filteredOn(g -> !g.get("id").equals(credits)).extracting(g -> g.get("status")).containsOnly("ISSUED");
        Program.reportUsage(credits, "SCALEWAY", "1.00", "After expiry").statusCode(409).contentType(PROBLEM);
    }

    @Test
    void aCohortsPackageIsReadByItsAdminsPartnersAndStartupsWithExactAmounts() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        for (String reader : List.of(TestTokens.admin(), TestTokens.partner("SCALEWAY"), TestTokens.applicant("founder-" + UUID.randomUUID()))) {
            given().auth().oauth2(reader).get("/packages/{id}", cohort).then().statusCode(200)
                    .body("cohortId", equalTo(cohort.toString())).body("name", equalTo("2024 cohort package"))
                    .body("items.key", equalTo(List.of("meta-mentoring", "hf-access", "scaleway-credits")))
                    .body("items.find { it.key == 'scaleway-credits' }.amount", equalTo(30000.0f))
                    .body("items.find { it.key == 'scaleway-credits' }.expiresOn", equalTo("2030-12-31"))
                    .body("items.find { it.key == 'hf-access' }.entitlements", hasItem("Enterprise Hub"));
        }
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        // Replacing it needs the version read: without it, or with an older one, nothing is replaced.
        Map<String, Object> renamed = Map.of("name", "2024 package, renamed", "version", 7,
                "items", List.of(Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS",
                        "description", "Mentoring by Meta researchers and engineers", "amount", "20", "unit", "HOUR")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(renamed).put("/packages/{id}", cohort).then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:stale-version"));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().body("name", equalTo("2024 cohort package"))
                .body("items", hasSize(3));
        given().get("/packages/{id}", cohort).then().statusCode(401).contentType(PROBLEM);
    }

    /** The package is put while a member of the cohort enrolls: whichever commits second sees the other, so the member gets its grants. */
    @Test
    void aMemberEnrollingWhileItsCohortsPackageIsFirstPutGetsItsGrants() throws Exception {
        for (int round = 0; round < 20; round++) {
            UUID cohort = Program.plannedCohort();
            int delay = round;
            Program.Member member = new Program.Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
            var enrolled = new ConsumerRecord<>("program.cohorts", 0, round,
                    member.memberId().toString(), Program.memberEnrolled(UUID.randomUUID().toString(), member));
            AllAtOnce.run(List.<Callable<Object>>of(
                    () -> {
                        Program.packageFor(cohort, "30000.00");
                        return null;
                    },
                    () -> {
                        // Later each round, so that the enrollment lands before, during and after the package's transaction.
                        Thread.sleep(delay);
                        cohortEvents.consume(enrolled);
                        return null;
                    }));
            assertThat(Program.grants(member)).as("round %d", round).extracting(grant -> grant.get("partner"))
                    .containsExactlyInAnyOrder("META", "HUGGING_FACE", "SCALEWAY");
        }
    }

    @Test
    void everyInvalidItemOfAPackageIsNamedInOneAnswer() {
        UUID cohort = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Two bad items", "items", List.of(
                        Map.of("key", "hours", "partner", "META", "kind", "MENTORING_HOURS", "description", "In euros", "amount", "20", "unit", "EUR"),
                        Map.of("key", "hours", "partner", "NOBODY", "kind", "PLATFORM_ACCESS", "description", "Half a seat", "amount", "0.5", "unit", "SEAT"))))
                .put("/packages/{id}", cohort).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("items[0].unit", "items[1].key", "items[1].partner", "items[1].amount"));
        given().auth().oauth2(TestTokens.admin()).get("/packages/{id}", cohort).then().statusCode(404);
    }

    @Test
    void badPackagesAreProblemsNamingTheField() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "items", List.of(Map.of("key", "x", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS",
                        "description", "Too precise", "amount", "10.001", "unit", "EUR"))))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("items[0].amount"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "items", List.of(Map.of("key", "x", "partner", "NOBODY", "kind", "COMPUTE_CREDITS",
                        "description", "Unknown partner", "amount", "10", "unit", "EUR"))))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("items[0].partner"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "items", List.of(Map.of("key", "x", "partner", "META", "kind", "MENTORING_HOURS",
                        "description", "Mentoring counted in euros", "amount", "20", "unit", "EUR"))))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("items[0].unit"))
                .body("detail", equalTo("items[0].unit: MENTORING_HOURS is counted in [HOUR], not EUR"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "items", List.of(Map.of("key", "x", "partner", "SCALEWAY", "kind", "GOLD",
                        "description", "Unknown kind", "amount", "10", "unit", "EUR"))))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("items[0].kind"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "items", List.of(Map.of("key", "x", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS",
                        "description", "Float", "amount", 1e308, "unit", "EUR"))))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON).body(Map.of("name", "x", "items", List.of()))
                .put("/packages/{id}", UUID.randomUUID()).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "SPENT").get("/grants").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.admin()).queryParam("partner", "scaleway-fr").get("/grants").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("partner"));
        given().auth().oauth2(TestTokens.admin()).queryParam("partner", "scaleway").get("/grants").then().statusCode(200);
    }
}
