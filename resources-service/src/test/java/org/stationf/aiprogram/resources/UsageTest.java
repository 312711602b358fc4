package org.stationf.aiprogram.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.resources.ledger.IdempotentRequests;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestClock;
import org.stationf.aiprogram.testing.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class UsageTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentRequests idempotentRequests;

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstAnswerAndAChangedBodyIsA422() {
        String credits = activeCredits("30000.00");
        String key = "scw-usage-" + UUID.randomUUID();
        Map<String, Object> report = Map.of("quantity", "412.37", "unit", "EUR", "description", "GPU H100, March", "reference", "inv-42");

        String first = usage(credits, key, report).then().statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("balance", equalTo(29587.63f)).extract().asString();
        String replay = usage(credits, key, report).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertThat(replay).isEqualTo(first);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT"))).body("balance", equalTo(29587.63f));

        usage(credits, key, Map.of("quantity", "999.00", "unit", "EUR", "description", "GPU H100, March", "reference", "inv-42"))
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:idempotency-key-reused"));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then().body("balance", equalTo(29587.63f));

        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON).body(report)
                .post("/grants/{id}/usage", credits).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field[0]", equalTo("Idempotency-Key"));
    }

    @Test
    void anIdempotencyKeyIsRememberedForThirtyDaysThenARetryCountsAsANewReport() {
        String credits = activeCredits("1000.00");
        String recentKey = "scw-usage-" + UUID.randomUUID();
        String oldKey = "scw-usage-" + UUID.randomUUID();
        Map<String, Object> report = Map.of("quantity", "100.00", "description", "GPU H100, April");
        usage(credits, recentKey, report).then().statusCode(201);
        usage(credits, oldKey, report).then().statusCode(201).body("balance", equalTo(800.0f));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE idempotent_request SET created_at = created_at - interval '30 days 1 minute' WHERE idempotency_key = :key")
                .setParameter("key", oldKey).executeUpdate());

        assertThat(idempotentRequests.forgetExpiredKeys()).isGreaterThanOrEqualTo(1);

        usage(credits, recentKey, report).then().statusCode(201).header("Idempotent-Replayed", "true").body("balance", equalTo(900.0f));
        usage(credits, oldKey, report).then().statusCode(201).header("Idempotent-Replayed", "false").body("balance", equalTo(700.0f));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "DEBIT", "DEBIT"))).body("ledgerSum", equalTo(700.0f));
    }

    @Test
    void aDebitLargerThanTheBalanceIsRefusedNamingTheBalanceAndChangesNothing() {
        String credits = activeCredits("1000.00");
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "600", "description", "Training run")).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        Map<String, Object> tooMuch = Map.of("quantity", "400.01", "description", "Another run");
        String refusal = usage(credits, key, tooMuch).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:insufficient-balance"))
                .body("balance", equalTo("400.00")).body("unit", equalTo("EUR"))
                .body("detail", containsString("400.00 EUR left")).body("idempotencyKey", equalTo(key)).extract().asString();
        assertThat(usage(credits, key, tooMuch).then().statusCode(409).header("Idempotent-Replayed", "true").extract().asString()).isEqualTo(refusal);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT"))).body("balance", equalTo(400.0f)).body("ledgerSum", equalTo(400.0f));

        // Usage given back makes room: the refused report's key still answers the refusal it named; a new key debits.
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00", "reason", "Training run billed twice")).post("/grants/{id}/corrections", credits)
                .then().statusCode(201);
        assertThat(usage(credits, key, tooMuch).then().statusCode(409).extract().asString()).isEqualTo(refusal);
        usage(credits, UUID.randomUUID().toString(), tooMuch).then().statusCode(201).body("balance", equalTo(99.99f));

        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "-5", "description", "Negative")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field[0]", equalTo("quantity"));
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "1.234", "description", "Too precise")).then().statusCode(400);
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "1", "unit", "HOUR", "description", "Wrong unit")).then().statusCode(400)
                .body("errors.field[0]", equalTo("unit"));
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "lots", "description", "Not a number")).then().statusCode(400);
    }

    /** Fifty partner systems' requests at once: none lost, none doubled, never below zero, balance = ledger sum. */
    @Test
    void fiftyConcurrentDebitsAgainstOneGrant() throws Exception {
        String credits = activeCredits("1000.00");
        List<Callable<Response>> reports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "concurrent-" + i + "-" + UUID.randomUUID();
            reports.add(() -> usage(credits, key, Map.of("quantity", "30.00", "description", "Burst of inference")));
        }
        int accepted = 0;
        int refused = 0;
        for (Response answer : AllAtOnce.run(reports)) {
            if (answer.statusCode() == 201) {
                accepted++;
            } else {
                assertThat(answer.statusCode()).isEqualTo(409);
                refused++;
            }
        }

        assertThat(accepted).isEqualTo(33);
        assertThat(refused).isEqualTo(17);
        JsonNode ledger = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then().extract().asString());
        assertThat(ledger.path("balance").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(ledger.path("ledgerSum").decimalValue()).isEqualByComparingTo("10.00");
        List<JsonNode> debits = new ArrayList<>();
        ledger.path("entries").forEach(entry -> {
            if (entry.path("type").asText().equals("DEBIT")) {
                debits.add(entry);
            }
        });
        assertThat(debits).hasSize(33);
        assertThat(debits).allSatisfy(entry -> assertThat(entry.path("balanceAfter").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        BigDecimal sumInDatabase = QuarkusTransaction.requiringNew().call(() -> (BigDecimal) entityManager
                .createNativeQuery("SELECT sum(amount) FROM ledger_entry WHERE grant_id = cast(:id as uuid)").setParameter("id", credits).getSingleResult());
        assertThat(sumInDatabase).isEqualByComparingTo("10.00");
    }

    @Test
    void theLedgerIsAppendOnlyAndCorrectionsAreCompensatingEntries() {
        String credits = activeCredits("500.00");
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "120.00", "description", "Duplicate line")).then().statusCode(201);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON)
                .body(Map.of("amount", "120.00", "reason", "Duplicate invoice line"))
                .post("/grants/{id}/corrections", credits).then().statusCode(201).body("balance", equalTo(500.0f));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT", "CREDIT")))
                .body("entries[2].actor", equalTo("partner:partner-scaleway"));
        // Nothing is used any more: a correction cannot give back what was never used, and the ledger stays as it is.
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON)
                .body(Map.of("amount", "0.01", "reason", "One cent more"))
                .post("/grants/{id}/corrections", credits).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:correction-too-large")).body("used", equalTo("0.00"));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger", credits).then()
                .body("entryCount", equalTo(3)).body("balance", equalTo(500.0f));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE ledger_entry SET amount = 0 WHERE grant_id = cast(:id as uuid)").setParameter("id", credits).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM ledger_entry WHERE grant_id = cast(:id as uuid)").setParameter("id", credits).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void aUsageReportAndACorrectionAreReadWhereTheirLocationsPointByThoseWhoSeeTheGrant() {
        Program.MemberGrant activated = Program.activeGrant("SCALEWAY", "800.00");
        Program.Member member = activated.member();
        String credits = activated.grantId();
        String key = "scw-usage-" + UUID.randomUUID();
        Map<String, Object> report = Map.of("quantity", "212.50", "description", "GPU L4, April", "reference", "inv-77");

        String debit = usage(credits, key, report).then().statusCode(201).extract().header("Location");
        assertThat(debit).contains("/grants/" + credits + "/ledger/");
        assertThat(usage(credits, key, report).then().statusCode(201).header("Idempotent-Replayed", "true").extract().header("Location"))
                .isEqualTo(debit);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get(debit).then().statusCode(200)
                .body("type", equalTo("DEBIT")).body("amount", equalTo(-212.5f)).body("balanceAfter", equalTo(587.5f))
                .body("reference", equalTo("inv-77")).body("actor", equalTo("partner:partner-scaleway"));
        given().auth().oauth2(member.token()).get(debit).then().statusCode(200).body("type", equalTo("DEBIT"));
        given().auth().oauth2(TestTokens.admin()).get(debit).then().statusCode(200).body("type", equalTo("DEBIT"));

        String credit = given().auth().oauth2(TestTokens.partner("SCALEWAY")).contentType(ContentType.JSON)
                .body(Map.of("amount", "12.50", "reason", "Billed twice for one hour"))
                .post("/grants/{id}/corrections", credits).then().statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).get(credit).then().statusCode(200)
                .body("type", equalTo("CREDIT")).body("amount", equalTo(12.5f)).body("balanceAfter", equalTo(600.0f))
                .body("reason", equalTo("Billed twice for one hour"));

        // Another partner and another startup do not see the grant, so not its entries either.
        given().auth().oauth2(TestTokens.partner("HUGGING_FACE")).get(debit).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.applicant("founder-" + UUID.randomUUID())).get(debit).then().statusCode(404).contentType(PROBLEM);
        // An entry is read under its own grant only; an id that is no entry, or no number, is not found.
        String otherGrant = activeCredits("100.00");
        long debitId = Long.parseLong(debit.substring(debit.lastIndexOf('/') + 1));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger/{entry}", otherGrant, debitId).then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("Ledger entry " + debitId + " does not exist"));
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger/{entry}", credits, "last").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}/ledger/{entry}", credits, "99999999999999999999").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aLongLedgerIsReadAPageAtATimeAndAPartnerPicksUpOnlyWhatIsNew() {
        String credits = activeCredits("1000.00");
        for (int i = 1; i <= 4; i++) {
            usage(credits, UUID.randomUUID().toString(), Map.of("quantity", i + "0.00", "description", "Day " + i)).then().statusCode(201);
        }
        var first = given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("limit", 2).get("/grants/{id}/ledger", credits)
                .then().statusCode(200)
                .body("entries.type", equalTo(List.of("GRANT", "DEBIT"))).body("entryCount", equalTo(5))
                .body("balance", equalTo(900.0f)).body("ledgerSum", equalTo(900.0f)).body("nextAfter", notNullValue())
                .extract().jsonPath();
        var second = given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("limit", 2).queryParam("after", first.getLong("nextAfter"))
                .get("/grants/{id}/ledger", credits).then().statusCode(200)
                .body("entries.reason", equalTo(List.of("Day 2", "Day 3"))).extract().jsonPath();
        long lastSeen = given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("limit", 2).queryParam("after", second.getLong("nextAfter"))
                .get("/grants/{id}/ledger", credits).then().statusCode(200)
                .body("entries.reason", equalTo(List.of("Day 4"))).body("nextAfter", nullValue())
                .extract().jsonPath().getLong("entries[0].id");

        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "1.00", "description", "Day 5")).then().statusCode(201);
        given().auth().oauth2(TestTokens.partner("SCALEWAY")).queryParam("after", lastSeen).get("/grants/{id}/ledger", credits).then()
                .statusCode(200).body("entries.reason", equalTo(List.of("Day 5"))).body("entryCount", equalTo(6))
                .body("balance", equalTo(899.0f)).body("ledgerSum", equalTo(899.0f));

        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 0).get("/grants/{id}/ledger", credits).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field[0]", equalTo("limit"));
        given().auth().oauth2(TestTokens.admin()).queryParam("after", "yesterday").get("/grants/{id}/ledger", credits).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field[0]", equalTo("after"));
    }

    @Test
    void crossingUsageThresholdsAlertsOnceEachAndTheForecastShowsTheRunOutDate() {
        String credits = activeCredits("1000.00");
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "550", "description", "Fine-tuning")).then().statusCode(201);
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "10", "description", "Inference")).then().statusCode(201);
        usage(credits, UUID.randomUUID().toString(), Map.of("quantity", "250", "description", "Evaluation")).then().statusCode(201);

        List<JsonNode> alerts = KafkaTopics.cloudEvents("program.grants", "BalanceLow", credits, 3, Duration.ofSeconds(10));
        assertThat(alerts).extracting(a -> a.path("data").path("thresholdPercent").asInt()).containsExactly(50, 80);
        given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then()
                .body("percentUsed", equalTo(81))
                .body("forecast.dailyBurn", equalTo(810.0f))
                .body("forecast.runsOutOn", notNullValue())
                .body("forecast.runsOutBeforeExpiry", equalTo(true));
    }

    @Test
    void theForecastRunsOutOnTheDayTheExactBurnRateGivesAndShowsASlowBurnToo() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "1000.00");
        Program.Member member = Program.enroll(cohort);
        String credits = Program.grantOf(member, "SCALEWAY");
        String hours = Program.grantOf(member, "META");
        Program.activate(credits, "SCALEWAY");
        Program.activate(hours, "META");
        try {
            TestClock.CLOCK.advance(Duration.ofDays(30));
            Program.reportUsage(credits, "SCALEWAY", "200.00", "Fine-tuning").statusCode(201);
            Program.reportUsage(hours, "META", "0.10", "Office hours").statusCode(201);
            LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC);

            // 200 EUR in 30 days is 6.666... EUR a day: the 800 EUR left last exactly 120 days more (at the 6.67 shown,
            // 119.9: a day short).
            given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", credits).then()
                    .body("forecast.dailyBurn", equalTo(6.67f))
                    .body("forecast.runsOutOn", equalTo(today.plusDays(120).toString()));
            // Six minutes of mentoring in 30 days is a burn too slow for hundredths, not no burn: 19.9 hours last 5,970 days.
            given().auth().oauth2(TestTokens.admin()).get("/grants/{id}", hours).then()
                    .body("forecast.dailyBurn", equalTo(0.0033f))
                    .body("forecast.runsOutOn", equalTo(today.plusDays(5970).toString()))
                    .body("forecast.runsOutBeforeExpiry", equalTo(false));
        } finally {
            TestClock.CLOCK.reset();
        }
    }

    @Test
    void theCohortReportListsEveryGrantAsJsonAndCsv() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        Program.Member member = Program.enroll(cohort);
        Program.enroll(cohort);
        given().auth().oauth2(TestTokens.admin()).accept(ContentType.JSON).get("/cohorts/{id}/grants-report", cohort).then().statusCode(200)
                .body("size()", equalTo(6)).body("findAll { it.partner == 'META' }.unit", equalTo(List.of("HOUR", "HOUR")));
        String csv = given().auth().oauth2(TestTokens.admin()).accept("text/csv").get("/cohorts/{id}/grants-report", cohort).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("member_id,company,grant_id,partner,kind,unit,granted,used,balance");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(member.memberId().toString()).contains("SCALEWAY,COMPUTE_CREDITS,EUR,30000.00,0.00,30000.00"));
        given().auth().oauth2(TestTokens.partner("META")).get("/cohorts/{id}/grants-report", cohort).then().statusCode(403);
    }

    @Test
    void aCohortWithAPackageButNoMemberYetHasAnEmptyReportAndAnUnknownCohortIsA404() {
        UUID cohort = Program.plannedCohort();
        Program.packageFor(cohort, "30000.00");
        given().auth().oauth2(TestTokens.admin()).accept(ContentType.JSON).get("/cohorts/{id}/grants-report", cohort).then().statusCode(200)
                .body("size()", equalTo(0));
        UUID mistyped = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).accept("text/csv").get("/cohorts/{id}/grants-report", mistyped).then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Cohort " + mistyped + " does not exist"));
    }

    static Response usage(String grant, String key, Map<String, Object> report) {
        return given().auth().oauth2(TestTokens.partner("SCALEWAY")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(report).post("/grants/{id}/usage", grant);
    }

    static String activeCredits(String amount) {
        return Program.activeGrant("SCALEWAY", amount).grantId();
    }
}
