package org.stationf.aiprogram.resources;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.stationf.aiprogram.resources.enrollment.KnownCohort;
import org.stationf.aiprogram.testing.KafkaTopics;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A cohort's package and members, set up as admins and cohort-service do. */
public final class Program {

    public record Member(UUID memberId, UUID cohortId, String applicantId) {
        public String token() {
            return TestTokens.applicant(applicantId);
        }
    }

    /** A member and one of its grants. */
    public record MemberGrant(Member member, String grantId) {
    }

    private Program() {
    }

    /**
     * A new cohort, as cohort-service announces it (CohortPlanned through the broker); returns once this service knows
     * it, so that a package may be put for it.
     */
    public static UUID plannedCohort() {
        UUID cohortId = UUID.randomUUID();
        KafkaTopics.send("program.cohorts", cohortId.toString(), cohortPlanned(UUID.randomUUID().toString(), cohortId));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> KnownCohort.<KnownCohort>findByIdOptional(cohortId).map(cohort -> cohort.plannedAt != null).orElse(false)));
        return cohortId;
    }

    public static String cohortPlanned(String eventId, UUID cohortId) {
        return cloudEvent(eventId, "CohortPlanned", cohortId, """
                {"cohortId": "%s", "name": "AI Startup Program 2024", "edition": "2024", "startDate": "2024-01-08",
                 "endDate": "2024-06-28", "at": "2023-11-20T10:00:00Z"}""".formatted(cohortId));
    }

    /** The 2023 edition's package: Meta mentoring hours, Hugging Face access, Scaleway credits. */
    public static void packageFor(UUID cohortId, String scalewayCredits) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "2024 cohort package", "items", List.of(
                        Map.of("key", "meta-mentoring", "partner", "META", "kind", "MENTORING_HOURS",
                                "description", "Mentoring by Meta researchers and engineers", "amount", "20", "unit", "HOUR"),
                        Map.of("key", "hf-access", "partner", "HUGGING_FACE", "kind", "PLATFORM_ACCESS",
                                "description", "Hugging Face Enterprise Hub organization", "amount", "10", "unit", "SEAT",
                                "entitlements", List.of("Enterprise Hub", "ZeroGPU", "Inference Endpoints credits")),
                        Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS",
                                "description", "Scaleway cloud credits", "amount", scalewayCredits, "unit", "EUR", "expiresOn", "2030-12-31"))))
                .put("/packages/{cohortId}", cohortId).then().statusCode(200);
    }

    /** A package item: Scaleway credits in euros, without expiry. */
    public static Map<String, Object> scalewayCredits(String amount) {
        return Map.of("key", "scaleway-credits", "partner", "SCALEWAY", "kind", "COMPUTE_CREDITS",
                "description", "Scaleway cloud credits", "amount", amount, "unit", "EUR");
    }

    public static String memberEnrolled(String eventId, Member member) {
        return cloudEvent(eventId, "MemberEnrolled", member.memberId(), """
                {"memberId": "%s", "cohortId": "%s", "applicationId": "%s", "applicantId": "%s", "companyName": "Mistral Garden SAS",
                 "contacts": [{"name": "Camille Durand", "email": "camille@mistral-garden.example", "role": "CEO"}],
                 "cohortStartDate": "2024-01-08", "cohortEndDate": "2024-06-28", "enrolledAt": "2024-01-05T10:00:00Z"}"""
                .formatted(member.memberId(), member.cohortId(), UUID.randomUUID(), member.applicantId()));
    }

    public static String cloudEvent(String eventId, String type, UUID subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/cohort-service", "type": "%s", "subject": "%s",
                 "time": "2024-01-05T10:00:00Z", "datacontenttype": "application/json", "data": %s}"""
                .formatted(eventId, type, subject, data);
    }

    /** A member of the cohort, enrolled through the broker; returns once its three grants exist. */
    public static Member enroll(UUID cohortId) {
        Member member = new Member(UUID.randomUUID(), cohortId, "startup-" + UUID.randomUUID());
        KafkaTopics.send("program.cohorts", member.memberId().toString(), memberEnrolled(UUID.randomUUID().toString(), member));
        await().atMost(Duration.ofSeconds(30)).until(() -> grants(member).size() == 3);
        return member;
    }

    /** A partner code no other test uses: the prefix, then eight random letters and digits. */
    public static String partnerCode(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A member of a new cohort whose package holds this one item, enrolled through the broker; its grant comes a little later. */
    public static Member enrollWithPackageOf(Map<String, Object> packageItem) {
        UUID cohort = plannedCohort();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "One-item package", "items", List.of(packageItem)))
                .put("/packages/{id}", cohort).then().statusCode(200);
        Member member = new Member(UUID.randomUUID(), cohort, "startup-" + UUID.randomUUID());
        KafkaTopics.send("program.cohorts", member.memberId().toString(), memberEnrolled(UUID.randomUUID().toString(), member));
        return member;
    }

    /** The member leaves its cohort, as cohort-service says it through the broker; the caller awaits the effect it asserts. */
    public static void withdraw(Member member, String reason) {
        KafkaTopics.send("program.cohorts", member.memberId().toString(), cloudEvent(UUID.randomUUID().toString(), "MemberWithdrew",
                member.memberId(), "{\"memberId\": \"" + member.memberId() + "\", \"initiatedBy\": \"MEMBER\", \"reason\": \"" + reason + "\"}"));
    }

    public static List<Map<String, Object>> grants(Member member) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("memberId", member.memberId().toString())
                .get("/grants").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static String grantOf(Member member, String partner) {
        return grants(member).stream().filter(g -> partner.equals(g.get("partner"))).map(g -> (String) g.get("id")).findFirst().orElseThrow();
    }

    public static void activate(String grantId, String partner) {
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("externalReference", "ext-" + grantId.substring(0, 8)))
                .post("/grants/{id}/activation", grantId).then().statusCode(200);
    }

    /** A member of a new cohort (the package holding these Scaleway credits) whose grant from the partner it activated. */
    public static MemberGrant activeGrant(String partner, String scalewayCredits) {
        UUID cohort = plannedCohort();
        packageFor(cohort, scalewayCredits);
        Member member = enroll(cohort);
        String grant = grantOf(member, partner);
        activate(grant, partner);
        return new MemberGrant(member, grant);
    }

    /** A partner's usage report on a grant, under a fresh Idempotency-Key; the caller asserts the answer. */
    public static ValidatableResponse reportUsage(String grantId, String partner, String quantity, String description) {
        return given().auth().oauth2(TestTokens.partner(partner)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("quantity", quantity, "description", description))
                .post("/grants/{id}/usage", grantId).then();
    }
}
