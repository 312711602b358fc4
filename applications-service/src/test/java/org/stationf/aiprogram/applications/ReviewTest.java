package org.stationf.aiprogram.applications;

import io.restassured.response.Response;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReviewTest {

    private static final String PROBLEM = "application/problem+json";

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    @Test
    void assignmentBalancesLoadNeverAssignsAConflictedReviewerAndCanBeRerun() {
        String call = Fixtures.openCall();
        String conflicted = registerReviewer("conflicted", Map.of("companies", List.of("Conflict Corp"), "domains", List.of()));
        String domainConflicted = registerReviewer("domain", Map.of("companies", List.of(), "domains", List.of("conflict-corp-sas.example")));
        List<String> others = List.of(registerReviewer("r1", null), registerReviewer("r2", null), registerReviewer("r3", null));
        committee(call, conflicted, domainConflicted, others.get(0), others.get(1), others.get(2));
        List<String> applications = new ArrayList<>();
        applications.add(Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Conflict Corp SAS")));
        for (int i = 0; i < 4; i++) {
            applications.add(Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Plain Startup " + i + " " + UUID.randomUUID())));
        }

        given().auth().oauth2(TestTokens.admin()).when().post("/calls/{id}/assignments", call)
                .then().statusCode(200).body("applications", equalTo(5));
        JsonPath rerun = given().auth().oauth2(TestTokens.admin()).when().post("/calls/{id}/assignments", call)
                .then().statusCode(200).extract().jsonPath();
        assertThat(rerun.getInt("assignmentsCreated")).isZero();

        List<Map<String, Object>> reviews = given().auth().oauth2(TestTokens.admin()).queryParam("callId", call)
                .get("/reviews").then().statusCode(200).body("total", equalTo(15)).extract().jsonPath().getList("items");
        assertThat(reviews).hasSize(15);
        for (String application : applications) {
            assertThat(reviews.stream().filter(r -> r.get("applicationId").equals(application)).map(r -> r.get("reviewerId")).distinct())
                    .hasSize(3);
        }
        assertThat(reviews.stream().filter(r -> r.get("applicationId").equals(applications.get(0))).map(r -> r.get("reviewerId")))
                .doesNotContain(conflicted, domainConflicted);

        Map<Object, Long> load = new HashMap<>();
        reviews.forEach(r -> load.merge(r.get("reviewerId"), 1L, Long::sum));
        long max = load.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = load.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).as("load per reviewer %s", load).isLessThanOrEqualTo(1);
        assertThat(load.keySet()).containsAll(others);
    }

    @Test
    void aConflictDeclaredAfterRegistrationKeepsTheReviewerOffThatCompanyFromTheNextAssignment() throws Exception {
        String call = Fixtures.openCall();
        String late = registerReviewer("late-declarer", null);
        List<String> others = List.of(registerReviewer("o1", null), registerReviewer("o2", null));
        committee(call, late, others.get(0), others.get(1));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("companies", List.of("  Orbital Weights SAS "), "domains", List.of("Orbital-Weights.example")))
                .put("/reviewers/{id}/conflicts", late).then().statusCode(200)
                .body("conflicts.companies", equalTo(List.of("orbital weights"))).body("conflicts.domains", equalTo(List.of("orbital-weights.example")));
        given().auth().oauth2(TestTokens.admin()).get("/reviewers/{id}", late).then().statusCode(200)
                .body("conflicts.companies", equalTo(List.of("orbital weights")));
        // Sent twice at once (a double click): both apply, one after the other.
        assertThat(AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("companies", List.of("Orbital Weights SAS"), "domains", List.of("orbital-weights.example")))
                .put("/reviewers/{id}/conflicts", late))).extracting(Response::statusCode).containsExactly(200, 200);

        String conflicting = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Orbital Weights"));
        // Three reviewers are asked for; with the one conflicted left out, two are all the committee has.
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("understaffed.applicationId", equalTo(List.of(conflicting))).body("understaffed[0].missingReviewers", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", conflicting).get("/reviews").then().statusCode(200)
                .body("items.reviewerId", containsInAnyOrder(others.toArray()));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("domains", List.of("not a domain")))
                .put("/reviewers/{id}/conflicts", late).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("domains[0]")));
        given().auth().oauth2(TestTokens.admin()).get("/reviewers/{id}", late).then().body("conflicts.domains", equalTo(List.of("orbital-weights.example")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("companies", List.of()))
                .put("/reviewers/{id}/conflicts", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.reviewer("someone")).contentType(ContentType.JSON).body(Map.of("companies", List.of()))
                .put("/reviewers/{id}/conflicts", late).then().statusCode(403).contentType(PROBLEM);
    }

    /**
     * Two reviewers learn, after the assignment, that they know the founders: the one who had not scored yet has its
     * review withdrawn; the one who had keeps its review for the record, but the ranking leaves it out. Both are
     * replaced by the next run.
     */
    @Test
    void aConflictDeclaredAfterAssignmentHasTheReviewReplacedAndScoresGivenKeptOutOfTheRanking() {
        String call = Fixtures.openCall();
        String scoringAccount = "scoring-" + UUID.randomUUID();
        String conflictedAccount = "conflicted-" + UUID.randomUUID();
        String stayingAccount = "staying-" + UUID.randomUUID();
        String scoring = registerReviewerWithAccount(scoringAccount, null);
        String staying = registerReviewerWithAccount(stayingAccount, null);
        String conflicted = registerReviewerWithAccount(conflictedAccount, null);
        committee(call, scoring, staying, conflicted);
        String company = "Replaced Reviews " + UUID.randomUUID().toString().substring(0, 8);
        String application = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, company));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("assignmentsCreated", equalTo(3)).body("assignmentsWithdrawn", equalTo(0)).body("reviewsRecused", equalTo(0));
        JsonPath assigned = given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", application).get("/reviews")
                .then().statusCode(200).extract().jsonPath();
        String scoredReview = assigned.getString("items.find { it.reviewerId == '" + scoring + "' }.id");
        String conflictedReview = assigned.getString("items.find { it.reviewerId == '" + conflicted + "' }.id");
        given().auth().oauth2(TestTokens.reviewer(scoringAccount)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 5), score("team", 5), score("market", 5))))
                .put("/reviews/{id}/scores", scoredReview).then().statusCode(200);

        for (String reviewer : List.of(conflicted, scoring)) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("companies", List.of(company)))
                    .put("/reviewers/{id}/conflicts", reviewer).then().statusCode(200);
        }
        // Neither can score the application any more: the one who had not yet is refused until its review is withdrawn.
        given().auth().oauth2(TestTokens.reviewer(conflictedAccount)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 1), score("team", 1), score("market", 1))))
                .put("/reviews/{id}/scores", conflictedReview).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:conflict-of-interest"));
        // The reviewer who had scored sees its review recused, and can no longer change it.
        given().auth().oauth2(TestTokens.reviewer(scoringAccount)).get("/reviews/{id}", scoredReview).then().statusCode(200)
                .body("recused", equalTo(true)).body("complete", equalTo(true));
        given().auth().oauth2(TestTokens.reviewer(scoringAccount)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 1), score("team", 1), score("market", 1))))
                .put("/reviews/{id}/scores", scoredReview).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:conflict-of-interest")).body("detail", containsString(company));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/ranking", call).then().statusCode(200)
                .body("entries", hasSize(0)).body("unscored", contains(application))
                .body("recused", hasSize(1)).body("recused[0].reviewId", equalTo(scoredReview))
                .body("recused[0].applicationId", equalTo(application)).body("recused[0].reviewerId", equalTo(scoring));

        String joiningAccount = "joining-" + UUID.randomUUID();
        String joining = registerReviewerWithAccount(joiningAccount, null);
        String alsoJoining = registerReviewer("also-joining", null);
        committee(call, scoring, staying, conflicted, joining, alsoJoining);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("assignmentsWithdrawn", equalTo(1)).body("reviewsRecused", equalTo(1))
                .body("assignmentsCreated", equalTo(2)).body("understaffed", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", application).get("/reviews").then().statusCode(200)
                .body("items.reviewerId", containsInAnyOrder(scoring, staying, joining, alsoJoining))
                .body("items.find { it.reviewerId == '" + scoring + "' }.scores.score", everyItem(equalTo(5)))
                .body("items.findAll { it.recused }.reviewerId", contains(scoring));
        given().auth().oauth2(TestTokens.reviewer(conflictedAccount)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 1), score("team", 1), score("market", 1))))
                .put("/reviews/{id}/scores", conflictedReview).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("assignmentsWithdrawn", equalTo(0)).body("assignmentsCreated", equalTo(0));

        // The reviewers who count score it 2 out of 5; the recused 5s do not lift it.
        for (String account : List.of(stayingAccount, joiningAccount)) {
            String review = given().auth().oauth2(TestTokens.reviewer(account)).queryParam("applicationId", application).get("/reviews")
                    .then().statusCode(200).extract().path("items[0].id");
            given().auth().oauth2(TestTokens.reviewer(account)).contentType(ContentType.JSON)
                    .body(Map.of("scores", List.of(score("openModels", 2), score("team", 2), score("market", 2))))
                    .put("/reviews/{id}/scores", review).then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/ranking", call).then().statusCode(200)
                .body("entries.applicationId", contains(application)).body("entries[0].reviews", equalTo(2))
                .body("entries[0].rawScore", equalTo(2.0f)).body("entries[0].highestScore", equalTo(2.0f))
                .body("recused.reviewId", contains(scoredReview));
    }

    /** A now-conflicted reviewer tries to save its scores while an admin's rerun withdraws its review: a clear 4xx, never a 500. */
    @Test
    void aConflictedReviewersSaveRacingTheRerunThatWithdrawsItsReviewIsRefusedEitherWay() throws Exception {
        for (int round = 0; round < 8; round++) {
            String call = Fixtures.openCall();
            String conflictedAccount = "conflicted-" + UUID.randomUUID();
            String conflicted = registerReviewerWithAccount(conflictedAccount, null);
            committee(call, conflicted, registerReviewer("r2", null), registerReviewer("r3", null), registerReviewer("r4", null));
            String company = "Raced Review " + UUID.randomUUID().toString().substring(0, 8);
            String application = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, company));
            given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
            String review = given().auth().oauth2(TestTokens.reviewer(conflictedAccount)).get("/reviews").then().statusCode(200)
                    .extract().path("items[0].id");
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("companies", List.of(company)))
                    .put("/reviewers/{id}/conflicts", conflicted).then().statusCode(200);
            long delay = round * 3L;

            List<Response> answers = AllAtOnce.run(List.<Callable<Response>>of(
                    () -> given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call),
                    () -> {
                        // Later each round, so that the save lands before, during and after the rerun's transaction.
                        Thread.sleep(delay);
                        return given().auth().oauth2(TestTokens.reviewer(conflictedAccount)).contentType(ContentType.JSON)
                                .body(Map.of("scores", List.of(score("openModels", 2), score("team", 2), score("market", 2))))
                                .put("/reviews/{id}/scores", review);
                    }));

            assertThat(answers.get(0).statusCode()).as("round %d: the rerun", round).isEqualTo(200);
            int save = answers.get(1).statusCode();
            // Before the rerun: refused for the conflict; after it: the review is gone.
            assertThat(save).as("round %d: the save", round).isIn(409, 404);
            given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", application).get("/reviews").then().statusCode(200)
                    .body("items", hasSize(3)).body("items.reviewerId", not(hasItem(conflicted))).body("items.scores.flatten()", hasSize(0));
        }
    }

    @Test
    void anApplicationNoLongerEligibleLeavesNothingToScoreUntilItIsEligibleAgain() {
        Map<String, Object> callRequest = Fixtures.call("Eligibility changed while reviewed " + UUID.randomUUID(), 30);
        callRequest.put("reviewersPerApplication", 1);
        callRequest.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(Map.of("key", "overall", "label", "Overall", "weight", 1))));
        String call = Fixtures.publishedCall(callRequest);
        String account = "eligibility-" + UUID.randomUUID();
        committee(call, registerReviewerWithAccount(account, null));
        String overridden = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Not Incorporated " + UUID.randomUUID()));
        Map<String, Object> seriesA = Fixtures.application(call, "Series A AI " + UUID.randomUUID());
        seriesA.put("stage", "SERIES_A");
        String rejudged = Fixtures.submitted(Fixtures.applicant(), seriesA);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("assignmentsCreated", equalTo(2));
        String reviewer = TestTokens.reviewer(account);
        given().auth().oauth2(reviewer).queryParam("complete", false).get("/reviews").then().body("total", equalTo(2));

        // An admin finds one is not incorporated; the call's rules are narrowed to seed stage, which rules out the other.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "INELIGIBLE", "reason", "Not an incorporated company yet"))
                .post("/applications/{id}/eligibility", overridden).then().statusCode(200);
        Map<String, Object> seedOnly = new HashMap<>(callRequest);
        seedOnly.put("version", 1);
        seedOnly.put("eligibility", Map.of("openModels", List.of("Llama"), "stages", List.of("PRE_SEED", "SEED")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(seedOnly).put("/calls/{id}", call).then().statusCode(200);
        given().auth().oauth2(reviewer).queryParam("complete", false).get("/reviews").then().body("total", equalTo(0));

        // Found incorporated after all: eligible again, it gets a reviewer at the next assignment.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ELIGIBLE", "reason", "Incorporated on 2 October"))
                .post("/applications/{id}/eligibility", overridden).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("applications", equalTo(1)).body("assignmentsCreated", equalTo(1));
        given().auth().oauth2(reviewer).queryParam("complete", false).get("/reviews").then()
                .body("total", equalTo(1)).body("items[0].applicationId", equalTo(overridden));
        given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", rejudged).get("/reviews").then().body("total", equalTo(0));
    }

    /** A reviewer saves its scores as the founder withdraws the application: the scores are kept whole, or the review is gone. */
    @Test
    void aSaveRacingTheApplicationsWithdrawalKeepsItsScoresOrFindsTheReviewGone() throws Exception {
        for (int round = 0; round < 8; round++) {
            String call = oneReviewerOneCriterionCall("Raced withdrawal ");
            String account = "raced-" + UUID.randomUUID();
            committee(call, registerReviewerWithAccount(account, null));
            String founder = Fixtures.applicant();
            String application = Fixtures.submitted(founder, Fixtures.application(call, "Raced Withdrawal " + UUID.randomUUID()));
            given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
            String review = given().auth().oauth2(TestTokens.reviewer(account)).get("/reviews").then().statusCode(200)
                    .extract().path("items[0].id");
            long delay = round * 3L;

            List<Response> answers = AllAtOnce.run(List.<Callable<Response>>of(
                    () -> given().auth().oauth2(founder).contentType(ContentType.JSON).body(Map.of("reason", "Joined another program"))
                            .post("/applications/{id}/withdraw", application),
                    () -> {
                        Thread.sleep(delay);
                        return given().auth().oauth2(TestTokens.reviewer(account)).contentType(ContentType.JSON)
                                .body(Map.of("scores", List.of(score("overall", 4)))).put("/reviews/{id}/scores", review);
                    }));

            assertThat(answers.get(0).statusCode()).as("round %d: the withdrawal", round).isEqualTo(200);
            int save = answers.get(1).statusCode();
            assertThat(save).as("round %d: the save", round).isIn(200, 404);
            int stored = given().auth().oauth2(TestTokens.admin()).get("/reviews/{id}", review).then().extract().statusCode();
            if (save == 200) {
                assertThat(stored).as("round %d: a review scored is kept", round).isEqualTo(200);
                given().auth().oauth2(TestTokens.admin()).get("/reviews/{id}", review).then().body("weightedScore", equalTo(4.0f));
            } else {
                assertThat(stored).as("round %d: the review withdrawn", round).isEqualTo(404);
            }
        }
    }

    @Test
    void aDeactivatedReviewerStaysOnTheCommitteeButGetsNoNewAssignments() {
        String call = Fixtures.openCall();
        String resting = registerReviewer("resting", null);
        List<String> working = List.of(registerReviewer("w1", null), registerReviewer("w2", null), registerReviewer("w3", null));
        committee(call, resting, working.get(0), working.get(1), working.get(2));
        given().auth().oauth2(TestTokens.admin()).post("/reviewers/{id}/deactivate", resting).then().statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/reviewers", call).then().statusCode(200)
                .body("id", containsInAnyOrder(resting, working.get(0), working.get(1), working.get(2)))
                .body("find { it.id == '" + resting + "' }.active", equalTo(false));

        String first = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Rested Startup " + UUID.randomUUID()));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", first).get("/reviews").then().statusCode(200)
                .body("items.reviewerId", containsInAnyOrder(working.toArray()));
        given().auth().oauth2(TestTokens.admin()).get("/reviewers/{id}", resting).then().statusCode(200)
                .body("active", equalTo(false)).body("assignedReviews", equalTo(0));

        given().auth().oauth2(TestTokens.admin()).post("/reviewers/{id}/activate", resting).then().statusCode(200)
                .body("active", equalTo(true));
        Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Second Startup " + UUID.randomUUID()));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
        // Least loaded first: the reviewer back from rest takes one of the new application's three reviews.
        given().auth().oauth2(TestTokens.admin()).get("/reviewers/{id}", resting).then().statusCode(200).body("assignedReviews", equalTo(1));

        given().auth().oauth2(TestTokens.reviewer("someone-else")).get("/reviewers/{id}", resting).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.admin()).post("/reviewers/{id}/deactivate", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void adminsListReviewersByNameAPageAtATimeNarrowedToAnOrganizationOrToThoseActive() {
        String organization = "Lab " + UUID.randomUUID();
        Map<String, String> idsByName = new LinkedHashMap<>();
        for (String name : List.of("Zoé Laurent", "Ada Moreau", "Marc Petit")) {
            String account = "reviewer-" + UUID.randomUUID();
            idsByName.put(name, given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("accountId", account, "name", name, "email", account + "@lab.example", "organization", organization))
                    .post("/reviewers").then().statusCode(201).extract().path("id"));
        }
        given().auth().oauth2(TestTokens.admin()).post("/reviewers/{id}/deactivate", idsByName.get("Marc Petit")).then().statusCode(200);

        given().auth().oauth2(TestTokens.admin()).queryParam("organization", organization.toUpperCase()).queryParam("size", 2)
                .get("/reviewers").then().statusCode(200)
                .body("items.name", equalTo(List.of("Ada Moreau", "Marc Petit"))).body("total", equalTo(3)).body("size", equalTo(2))
                .body("items[0].assignedReviews", equalTo(0)).body("items[1].active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).queryParam("organization", organization).queryParam("size", 2).queryParam("page", 1)
                .get("/reviewers").then().statusCode(200).body("items.id", equalTo(List.of(idsByName.get("Zoé Laurent"))));
        given().auth().oauth2(TestTokens.admin()).queryParam("organization", organization).queryParam("active", true)
                .get("/reviewers").then().statusCode(200).body("items.name", equalTo(List.of("Ada Moreau", "Zoé Laurent")));
        given().auth().oauth2(TestTokens.admin()).queryParam("organization", organization).queryParam("active", false)
                .get("/reviewers").then().statusCode(200).body("items.id", equalTo(List.of(idsByName.get("Marc Petit"))));

        given().auth().oauth2(TestTokens.admin()).queryParam("active", "sometimes").get("/reviewers").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("active")));
        given().auth().oauth2(TestTokens.admin()).queryParam("page", -1).get("/reviewers").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("page")));
        given().auth().oauth2(TestTokens.reviewer("reviewer-" + UUID.randomUUID())).get("/reviewers").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.applicant("founder-" + UUID.randomUUID())).get("/reviewers").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anAccountIsRegisteredAsAReviewerOnceEvenWhenTwoAdminsDoItAtOnce() throws Exception {
        String account = "reviewer-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("accountId", account, "name", "Alex Martin", "email", "alex@huggingface.example", "organization", "HUGGING_FACE");
        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/reviewers"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                .satisfies(answer -> assertThat(answer.contentType()).startsWith(PROBLEM))
                .satisfies(answer -> assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:reviewer-exists"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/reviewers").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:reviewer-exists"))
                .body("detail", containsString(account));
        given().auth().oauth2(TestTokens.reviewer(account)).get("/reviewers/me").then().statusCode(200).body("name", equalTo("Alex Martin"));
    }

    @Test
    void reviewersAreAssignedOnlyForAPublishedCallWithAnActiveCommittee() {
        Map<String, Object> draft = Fixtures.call("Draft call " + UUID.randomUUID(), 30);
        String draftCall = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(draft)
                .post("/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", draftCall).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:call-not-published"));

        String call = Fixtures.openCall();
        Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Waiting Startup " + UUID.randomUUID()));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:ai-startup-program:problem:no-reviewers"))
                .body("detail", containsString("/calls/" + call + "/reviewers"));
        String resting = registerReviewer("resting", null);
        committee(call, resting);
        given().auth().oauth2(TestTokens.admin()).post("/reviewers/{id}/deactivate", resting).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(409)
                .body("type", equalTo("urn:ai-startup-program:problem:no-reviewers"));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).get("/reviews").then().body("total", equalTo(0));
    }

    @Test
    void aReviewerReadsItselfAndAnAccountNotYetRegisteredIsToldSo() {
        String account = "reviewer-" + UUID.randomUUID();
        String reviewer = registerReviewerWithAccount(account, null);

        given().auth().oauth2(TestTokens.reviewer(account)).get("/reviewers/me").then().statusCode(200)
                .body("id", equalTo(reviewer)).body("accountId", equalTo(account)).body("active", equalTo(true));
        given().auth().oauth2(TestTokens.reviewer("reviewer-not-registered-" + UUID.randomUUID())).get("/reviewers/me").then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString("Reviewer for account"));
    }

    @Test
    void aReviewerScoresEditsUntilTheWindowClosesAndSeesOnlyItsAssignments() throws Exception {
        Map<String, Object> callRequest = Fixtures.call("Review window " + UUID.randomUUID(), 1);
        LocalDateTime reviewClosesAt = LocalDateTime.parse((String) callRequest.get("reviewClosesAt"));
        callRequest.put("reviewersPerApplication", 1);
        String call = Fixtures.publishedCall(callRequest);
        String account = "reviewer-" + UUID.randomUUID();
        committee(call, registerReviewerWithAccount(account, null));
        String application = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Scored Startup"));
        String unassigned = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(Fixtures.openCall(), "Not For You"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);

        String reviewer = TestTokens.reviewer(account);
        String review = given().auth().oauth2(reviewer).get("/reviews").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].applicationId", equalTo(application)).extract().path("items[0].id");
        given().auth().oauth2(reviewer).get("/applications/{id}", application).then().statusCode(200);
        given().auth().oauth2(reviewer).get("/applications/{id}", unassigned).then().statusCode(404);

        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 4), score("team", 3))))
                .when().put("/reviews/{id}/scores", review)
                .then().statusCode(200).body("complete", equalTo(false));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 5), score("team", 3), score("market", 4))))
                .when().put("/reviews/{id}/scores", review)
                .then().statusCode(200).body("complete", equalTo(true)).body("weightedScore", equalTo(4.1f));
        // Saved twice at once (a double click): both saves succeed, with the same scores.
        assertThat(AllAtOnce.twice(() -> given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 5), score("team", 3), score("market", 4))))
                .put("/reviews/{id}/scores", review))).extracting(Response::statusCode).containsExactly(200, 200);

        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 6), score("vibes", 3))))
                .when().put("/reviews/{id}/scores", review)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("scores[0].score"))
                .body("errors.field", hasItem("scores[1].criterion"))
                .body("errors.message", hasItem(containsString("between 1 and 5")));

        TestClock.CLOCK.setTo(reviewClosesAt.plusSeconds(1).atZone(Fixtures.PARIS).toInstant());
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 1), score("team", 1), score("market", 1))))
                .when().put("/reviews/{id}/scores", review)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:review-window-closed"));
        given().auth().oauth2(reviewer).get("/reviews/{id}", review).then().statusCode(200)
                .body("finalized", equalTo(true)).body("weightedScore", equalTo(4.1f));

        given().auth().oauth2(TestTokens.reviewer("someone-else")).get("/reviews/{id}", review).then().statusCode(404);
    }

    @Test
    void onceReviewsAreScoredARubricKeepsItsCriteriaAndScaleAndNewWeightsRescoreThem() {
        Map<String, Object> callRequest = Fixtures.call("Rubric in use " + UUID.randomUUID(), 30);
        callRequest.put("reviewersPerApplication", 1);
        String call = Fixtures.publishedCall(callRequest);
        String account = "reviewer-" + UUID.randomUUID();
        committee(call, registerReviewerWithAccount(account, null));
        String application = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Rescored Startup"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
        String review = given().auth().oauth2(TestTokens.reviewer(account)).get("/reviews").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reviewer(account)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("openModels", 5), score("team", 3), score("market", 4))))
                .put("/reviews/{id}/scores", review).then().statusCode(200).body("weightedScore", equalTo(4.1f));

        // A new criterion, or another scale, would leave the scores given out of step with the rubric: refused.
        Map<String, Object> withNewCriterion = new HashMap<>(callRequest);
        withNewCriterion.put("version", 1);
        withNewCriterion.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(
                Map.of("key", "openModels", "label", "Substantive use of open models", "weight", 0.4),
                Map.of("key", "team", "label", "Team", "weight", 0.3),
                Map.of("key", "impact", "label", "Impact", "weight", 0.3))));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(withNewCriterion)
                .put("/calls/{id}", call).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:rubric-in-use"))
                .body("detail", containsString("1 review"));
        Map<String, Object> withOtherScale = new HashMap<>(withNewCriterion);
        withOtherScale.put("rubric", Map.of("scaleMin", 1, "scaleMax", 10, "criteria", ((Map<?, ?>) callRequest.get("rubric")).get("criteria")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(withOtherScale)
                .put("/calls/{id}", call).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:rubric-in-use"));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}", call).then()
                .body("rubric.criteria.key", equalTo(List.of("openModels", "team", "market"))).body("rubric.scaleMax", equalTo(5));

        // New weights and labels are fine: the weighted scores given follow them.
        Map<String, Object> reweighted = new HashMap<>(withNewCriterion);
        reweighted.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(
                Map.of("key", "openModels", "label", "Open foundation models", "weight", 0.6),
                Map.of("key", "team", "label", "Team", "weight", 0.2),
                Map.of("key", "market", "label", "Market", "weight", 0.2))));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(reweighted)
                .put("/calls/{id}", call).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).get("/reviews/{id}", review).then().body("weightedScore", equalTo(4.4f));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/ranking", call).then()
                .body("entries[0].applicationId", equalTo(application)).body("entries[0].rawScore", equalTo(4.4f));
    }

    @Test
    void aWithdrawnApplicationLeavesNothingToScoreAndKeepsTheScoresGiven() {
        String call = oneReviewerOneCriterionCall("Withdrawn while reviewed ");
        String account = "withdrawals-" + UUID.randomUUID();
        committee(call, registerReviewerWithAccount(account, null));
        String scoredFounder = Fixtures.applicant();
        String scored = Fixtures.submitted(scoredFounder, Fixtures.application(call, "Scored Then Gone " + UUID.randomUUID()));
        String unscoredFounder = Fixtures.applicant();
        String unscored = Fixtures.submitted(unscoredFounder, Fixtures.application(call, "Gone Before Scoring " + UUID.randomUUID()));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200)
                .body("assignmentsCreated", equalTo(2));
        scoreAs(account, scored, 4);
        String unscoredReview = given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", unscored).get("/reviews")
                .then().statusCode(200).extract().path("items[0].id");

        for (Map.Entry<String, String> withdrawal : Map.of(scored, scoredFounder, unscored, unscoredFounder).entrySet()) {
            given().auth().oauth2(withdrawal.getValue()).contentType(ContentType.JSON).body(Map.of("reason", "Joined another program"))
                    .post("/applications/{id}/withdraw", withdrawal.getKey()).then().statusCode(200);
        }

        String reviewer = TestTokens.reviewer(account);
        given().auth().oauth2(reviewer).queryParam("complete", false).get("/reviews").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(reviewer).get("/reviews/{id}", unscoredReview).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(reviewer).get("/reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].applicationId", equalTo(scored)).body("items[0].weightedScore", equalTo(4.0f));
        given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/statistics", call).then().statusCode(200)
                .body("reviews.assigned", equalTo(1)).body("reviews.complete", equalTo(1));
    }

    @Test
    void reviewsComeAPageAtATimeAndAReviewerCanListWhatIsLeftToScore() {
        String call = oneReviewerOneCriterionCall("Review pages ");
        String account = "pages-" + UUID.randomUUID();
        committee(call, registerReviewerWithAccount(account, null));
        for (int i = 0; i < 5; i++) {
            Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Paged Startup " + i + " " + UUID.randomUUID()));
        }
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);
        String reviewer = TestTokens.reviewer(account);

        List<String> first = given().auth().oauth2(reviewer).queryParam("size", 3).get("/reviews").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(3)).extract().path("items.id");
        List<String> second = given().auth().oauth2(reviewer).queryParam("size", 3).queryParam("page", 1).get("/reviews").then().statusCode(200)
                .body("total", equalTo(5)).extract().path("items.id");
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);

        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("scores", List.of(score("overall", 4))))
                .put("/reviews/{id}/scores", first.get(0)).then().statusCode(200);
        given().auth().oauth2(reviewer).queryParam("complete", false).get("/reviews").then().statusCode(200)
                .body("total", equalTo(4)).body("items.id", not(hasItem(first.get(0)))).body("items.complete", everyItem(equalTo(false)));
        given().auth().oauth2(TestTokens.admin()).queryParam("callId", call).queryParam("complete", true).get("/reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(first.get(0)));

        given().auth().oauth2(reviewer).queryParam("complete", "yes").get("/reviews").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("complete"));
        given().auth().oauth2(reviewer).queryParam("size", 101).get("/reviews").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
    }

    /**
     * A harsh reviewer scores three applications 3, 1, 1; a lenient one scores three others 5, 5, 4. By raw score the
     * harsh reviewer's best (3.0) is below even the lenient reviewer's weakest (4.0); standardized within each reviewer
     * it is the strongest application of the call.
     */
    @Test
    void normalizationPerReviewerChangesTheRankingOfACraftedExample() {
        String call = oneReviewerOneCriterionCall("Normalization ");
        String harsh = "harsh-" + UUID.randomUUID();
        String lenient = "lenient-" + UUID.randomUUID();

        committee(call, registerReviewerWithAccount(harsh, null));
        String harshBest = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Harsh Best"));
        String harshWorst = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Harsh Worst"));
        String harshWorstToo = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Harsh Worst Too"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);

        committee(call, registerReviewerWithAccount(lenient, null));
        String lenientBest = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Lenient Best"));
        String lenientBestToo = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Lenient Best Too"));
        String lenientWorst = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Lenient Worst"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);

        scoreAs(harsh, harshBest, 3);
        scoreAs(harsh, harshWorst, 1);
        scoreAs(harsh, harshWorstToo, 1);
        scoreAs(lenient, lenientBest, 5);
        scoreAs(lenient, lenientBestToo, 5);
        scoreAs(lenient, lenientWorst, 4);

        JsonPath ranking = given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/ranking", call)
                .then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getList("entries.companyName", String.class)).containsExactly(
                "Harsh Best", "Lenient Best", "Lenient Best Too", "Harsh Worst", "Harsh Worst Too", "Lenient Worst");
        assertThat(ranking.getFloat("entries[0].rawScore")).isLessThan(ranking.getFloat("entries[5].rawScore"));
        assertThat(ranking.getFloat("entries[0].normalizedScore")).isEqualTo(1.4142f);
        assertThat(ranking.getFloat("entries[1].normalizedScore")).isEqualTo(0.7071f);
        assertThat(ranking.getString("entries[0].tieBreak")).isNull();
        assertThat(ranking.getString("entries[2].tieBreak")).contains("Tied with Lenient Best").contains("submission time");
        assertThat(ranking.getString("entries[4].tieBreak")).contains("Tied with Harsh Worst").contains("submission time");
        assertThat(ranking.getString("method")).contains("z = (score − reviewer's mean)");

        List<String> spreadsheet = given().auth().oauth2(TestTokens.admin()).accept("text/csv").get("/calls/{id}/ranking", call)
                .then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString(".csv"))
                .extract().asString().lines().toList();
        assertThat(spreadsheet.get(0)).isEqualTo("rank,application_id,company,normalized_score,raw_score,reviews,spread,lowest_score,highest_score,tie_break");
        assertThat(spreadsheet).hasSize(7);
        assertThat(spreadsheet.get(1)).startsWith("1,").contains(",Harsh Best,1.4142,");
        assertThat(spreadsheet.get(3)).startsWith("3,").contains(",Lenient Best Too,0.7071,").contains(",Tied with Lenient Best on normalized score");
    }

    /**
     * Six reviewers review one application each, so every z-score is 0 and the raw score decides. Weighted scores of
     * 1.1, 2.2 and 3.3 average exactly 2.2, as 2.2, 2.2 and 2.2 do (in binary floating point, 2.1999999999999997):
     * a tie on raw score, which the earlier submission wins.
     */
    @Test
    void equalRawScoresTieExactlyAndTheTieIsBrokenByTheNextRule() {
        Map<String, Object> callRequest = Fixtures.call("Exact ties " + UUID.randomUUID(), 30);
        callRequest.put("reviewersPerApplication", 3);
        callRequest.put("rubric", Map.of("scaleMin", 1, "scaleMax", 10, "criteria", List.of(
                Map.of("key", "openModels", "label", "Open models", "weight", 0.1),
                Map.of("key", "team", "label", "Team", "weight", 0.9))));
        String call = Fixtures.publishedCall(callRequest);
        Map<String, String> accounts = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String account = "exact-" + UUID.randomUUID();
            accounts.put(registerReviewerWithAccount(account, null), account);
        }
        committee(call, accounts.keySet().toArray(String[]::new));
        String spread = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Spread Scores"));
        String even = Fixtures.submitted(Fixtures.applicant(), Fixtures.application(call, "Even Scores"));
        given().auth().oauth2(TestTokens.admin()).post("/calls/{id}/assignments", call).then().statusCode(200);

        scoreEachReview(spread, accounts, List.of(List.of(2, 1), List.of(4, 2), List.of(6, 3)));   // 1.1, 2.2, 3.3
        scoreEachReview(even, accounts, List.of(List.of(4, 2), List.of(4, 2), List.of(4, 2)));     // 2.2, 2.2, 2.2

        JsonPath ranking = given().auth().oauth2(TestTokens.admin()).get("/calls/{id}/ranking", call)
                .then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getList("entries.companyName", String.class)).containsExactly("Spread Scores", "Even Scores");
        assertThat(ranking.getList("entries.rawScore", Float.class)).containsExactly(2.2f, 2.2f);
        assertThat(ranking.getString("entries[1].tieBreak")).contains("Tied with Spread Scores").contains("submission time");
    }

    /** Scores the application's reviews, in the order the admin's list gives them, with [openModels, team] pairs. */
    private static void scoreEachReview(String application, Map<String, String> accounts, List<List<Integer>> scores) {
        JsonPath reviews = given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", application).get("/reviews")
                .then().statusCode(200).body("items", hasSize(scores.size())).extract().jsonPath();
        for (int i = 0; i < scores.size(); i++) {
            given().auth().oauth2(TestTokens.reviewer(accounts.get(reviews.getString("items[" + i + "].reviewerId"))))
                    .contentType(ContentType.JSON)
                    .body(Map.of("scores", List.of(score("openModels", scores.get(i).get(0)), score("team", scores.get(i).get(1)))))
                    .put("/reviews/{id}/scores", reviews.getString("items[" + i + "].id")).then().statusCode(200);
        }
    }

    /** A published call whose applications get one reviewer each, scored on a single "overall" criterion from 1 to 5. */
    private static String oneReviewerOneCriterionCall(String name) {
        Map<String, Object> callRequest = Fixtures.call(name + UUID.randomUUID(), 30);
        callRequest.put("reviewersPerApplication", 1);
        callRequest.put("rubric", Map.of("scaleMin", 1, "scaleMax", 5, "criteria", List.of(Map.of("key", "overall", "label", "Overall", "weight", 1))));
        return Fixtures.publishedCall(callRequest);
    }

    static void committee(String call, String... reviewerIds) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("reviewerIds", List.of(reviewerIds)))
                .put("/calls/{id}/reviewers", call).then().statusCode(200);
    }

    static Map<String, Object> score(String criterion, int score) {
        return Map.of("criterion", criterion, "score", score, "comment", "Comment on " + criterion);
    }

    private static void scoreAs(String account, String application, int overall) {
        String review = given().auth().oauth2(TestTokens.admin()).queryParam("applicationId", application).get("/reviews")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.reviewer(account)).contentType(ContentType.JSON)
                .body(Map.of("scores", List.of(score("overall", overall))))
                .put("/reviews/{id}/scores", review).then().statusCode(200);
    }

    static String registerReviewer(String name, Map<String, Object> conflicts) {
        return registerReviewerWithAccount(name + "-" + UUID.randomUUID(), conflicts);
    }

    static String registerReviewerWithAccount(String account, Map<String, Object> conflicts) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "name", "Reviewer " + account,
                "email", account + "@huggingface.example", "organization", "HUGGING_FACE"));
        if (conflicts != null) {
            body.put("conflicts", conflicts);
        }
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/reviewers").then().statusCode(201).extract().path("id");
    }
}
