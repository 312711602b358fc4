package org.stationf.aiprogram.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Whatever goes wrong, the caller gets problem+json saying what, never a 500 or an HTML page. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/applications")
    URI applications;

    @Test
    void everyCallNeedsAValidToken() {
        given().when().get("/applications/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Authentication required"));
        given().auth().oauth2(TestTokens.expired("someone", Set.of("applicant")))
                .when().get("/calls")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.signedByUnknownKey("someone", Set.of("admin")))
                .when().get("/calls")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.jwt")
                .when().get("/calls")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner("META"))
                .when().get("/applications")
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", equalTo("This operation takes a token with the role applicant, reviewer or admin; yours has partner"));
    }

    @Test
    void healthMetricsAndApiDocsNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published_total"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/applications/{id}/submit"));
    }

    @Test
    void malformedOrMistypedBodiesNameTheProblem() {
        String founder = Fixtures.applicant();
        post(founder, "{\"callId\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-startup-program:problem:malformed-json"));
        post(founder, "").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("request")).body("errors.message", contains("is required: the request has no body"));
        // Whatever the code calls the body, the caller reads "request".
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .when().put("/calls/{id}/reviewers", UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("request")).body("errors.message", contains("is required: the request has no body"));
        // Valid JSON of the wrong shape is named as such, in the API's words, not the server's class names.
        post(founder, "[]").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("request")).body("errors.message", hasItem("must be a JSON object"))
                .body("detail", not(containsString("org.stationf")));
        post(founder, "{\"company\": \"Acme\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("company")).body("errors.message", hasItem("must be a JSON object"));
        post(founder, "{}").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("company"));
        post(founder, "{\"company\": {\"name\": {\"nested\": true}}}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("company.name"));
        post(founder, "{\"company\": {\"name\": \"A\"}, \"ceo\": \"B\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("ceo"))
                .body("errors.message[0]", containsString("not a known field"));
        post(founder, "{\"callId\": \"yesterday\", \"company\": {\"name\": \"A\"}}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("callId"));
        post(founder, "{\"company\": {\"name\": \"A\", \"name\": \"B\"}}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("company"))
                .body("errors.message", contains("cannot be read: Duplicate field 'name'"));
        post(founder, "{\"company\": {\"name\": \"A\"}, \"stage\": \"UNICORN\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.message[0]", containsString("[IDEA, PRE_SEED, SEED, SERIES_A, SERIES_B_OR_LATER]"));
        post(founder, "{\"company\": {\"name\": \"" + "x".repeat(2_000_000) + "\"}}").statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(founder).contentType(ContentType.TEXT).body("company=A")
                .when().post("/applications")
                .then().statusCode(415).contentType(PROBLEM);
    }

    /** A body sent without a length (chunked) is counted as it is read: within the limit it reads as any other, past it is a 413 problem. */
    @Test
    void aBodySentInChunksIsHeldToTheSameLimitAndRefusedAsAProblem() throws Exception {
        String call = Fixtures.openCall();
        String application = new ObjectMapper().writeValueAsString(Fixtures.application(call, "Chunked Robotics"));
        String founder = Fixtures.applicant();
        // Past the first 10 KiB, which the server keeps in memory, the body is read as a stream.
        HttpResponse<String> created = chunked(founder, " ".repeat(50_000) + application);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JsonPath.from(created.body()).getString("company.name")).isEqualTo("Chunked Robotics");

        String late = Fixtures.applicant();
        HttpResponse<String> refused = chunked(late, "{\"company\": {\"name\": \"" + "x".repeat(2_000_000) + "\"}}");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(JsonPath.from(refused.body()).getString("type")).isEqualTo("urn:ai-startup-program:problem:payload-too-large");
        assertThat(JsonPath.from(refused.body()).getString("detail")).isEqualTo("The request body is larger than this API accepts: at most 1048576 bytes");
        // A valid application followed by more than the limit allows: refused too, and nothing is stored.
        HttpResponse<String> trailing = chunked(late, application + " ".repeat(2_000_000));
        assertThat(trailing.statusCode()).isEqualTo(413);
        assertThat(trailing.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        given().auth().oauth2(late).queryParam("callId", call).when().get("/applications").then().statusCode(200).body("total", equalTo(0));
    }

    /** RestAssured sends every body with its length; this client streams it in chunks. */
    private HttpResponse<String> chunked(String token, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(applications).version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPathsMethodsAndIdsAreProblems() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).when().get("/applications/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).when().get("/no-such-resource").then().statusCode(404).contentType(PROBLEM);
        UUID application = UUID.randomUUID();
        given().auth().oauth2(admin).when().delete("/applications/{id}", application).then().statusCode(405).contentType(PROBLEM)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"))
                .body("detail", equalTo("DELETE is not allowed on /applications/" + application));
        given().auth().oauth2(admin).when().put("/calls").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().auth().oauth2(admin).when().get("/calls/{id}/publish", UUID.randomUUID()).then().statusCode(405)
                .header("Allow", equalTo("OPTIONS, POST"));
        given().auth().oauth2(admin).when().get("/calls/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("does not exist"));
    }

    /** PostgreSQL cannot store a NUL character, so a filter holding one matches nothing: it is refused by name. */
    @Test
    void aQueryParameterHoldingANulCharacterIsRefusedByName() {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false)
                .when().get("/applications?company=Mistral%00Garden")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("company"))
                .body("errors.message", contains("must not contain a NUL character (U+0000)"));
    }

    @Test
    void aProblemsInstanceIsThePathTheCallerUsedBehindTheGateway() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).header("X-Forwarded-Prefix", "/api")
                .when().get("/calls/{id}", id)
                .then().statusCode(404).contentType(PROBLEM).body("instance", equalTo("/api/calls/" + id));
        given().auth().oauth2(TestTokens.admin())
                .when().get("/calls/{id}", id)
                .then().statusCode(404).contentType(PROBLEM).body("instance", equalTo("/calls/" + id));
        // Answers given before any resource is reached (an oversize body, a path nothing serves) say the same.
        given().auth().oauth2(Fixtures.applicant()).header("X-Forwarded-Prefix", "/api").contentType(ContentType.JSON)
                .body("{\"company\": {\"name\": \"" + "x".repeat(2_000_000) + "\"}}")
                .when().post("/applications")
                .then().statusCode(413).contentType(PROBLEM).body("instance", equalTo("/api/applications"));
        given().auth().oauth2(TestTokens.admin()).header("X-Forwarded-Prefix", "/api")
                .when().get("/no-such-resource")
                .then().statusCode(404).contentType(PROBLEM).body("instance", equalTo("/api/no-such-resource"));
        given().auth().oauth2(TestTokens.admin()).header("X-Forwarded-Prefix", "/api")
                .when().get("/applications/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("No resource at /api/applications/not-a-uuid"));
        given().auth().oauth2(TestTokens.admin()).header("X-Forwarded-Prefix", "/api")
                .when().delete("/calls")
                .then().statusCode(405).contentType(PROBLEM).body("detail", equalTo("DELETE is not allowed on /api/calls"));
    }

    @Test
    void theRequestIdIsKeptAndEchoed() {
        given().header("X-Request-Id", "req-12345")
                .when().get("/applications/{id}", UUID.randomUUID())
                .then().statusCode(401)
                .header("X-Request-Id", "req-12345")
                .body("requestId", equalTo("req-12345"));
    }

    private static ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/applications").then();
    }
}
