package org.stationf.aiprogram.gateway;

import io.restassured.response.Response;
import org.stationf.aiprogram.testing.AllAtOnce;
import org.stationf.aiprogram.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.stationf.aiprogram.gateway.identity.GatewayTokenMechanism;
import org.stationf.aiprogram.testing.TestTokens;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class IdentityTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** Loopback addresses 127.0.0.100 and up, one per test; EdgeTest's rate-limit tests use lower ones. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(100);
    private RestAssuredConfig defaultConfig;

    /**
     * These tests send wrong credentials on purpose, about a dozen in all: from one address they would use up its
     * allowance (10 a minute, then 429) and fail whichever test came next. Each test calls from its own address.
     */
    @BeforeEach
    void callFromItsOwnAddress() throws UnknownHostException {
        defaultConfig = RestAssured.config();
        InetAddress own = InetAddress.getByName("127.0.0." + ADDRESSES.getAndIncrement());
        RestAssured.config = defaultConfig.httpClient(defaultConfig.getHttpClientConfig().setParam(ConnRoutePNames.LOCAL_ADDRESS, own));
    }

    @AfterEach
    void resetClockAndAddress() {
        TestClock.CLOCK.reset();
        RestAssured.config = defaultConfig;
    }

    @Test
    void aPartnerSystemGetsAnRs256TokenWithItsRolesAndPartner() throws Exception {
        String[] client = Gateway.client(List.of("partner"), "SCALEWAY");
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", client[1])
                .when().post("/oauth/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600)).body("scope", equalTo("partner"))
                .extract().path("access_token");
        Map<?, ?> header = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[0]), Map.class);
        Map<?, ?> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        assertThat(header.get("alg")).isEqualTo("RS256");
        assertThat(claims.get("groups")).isEqualTo(List.of("partner"));
        assertThat(claims.get("partner")).isEqualTo("SCALEWAY");
        assertThat(claims.get("iss")).isEqualTo("urn:ai-startup-program:gateway");
        given().get("/oauth/jwks").then().statusCode(200).body("keys.kid", hasItem(header.get("kid")));

        given().auth().preemptive().basic(client[0], client[1]).contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/oauth/token").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", "wrong")
                .when().post("/oauth/token")
                .then().statusCode(401).contentType("application/problem+json").body("error", equalTo("invalid_client"));
        // A client id no client can have (PostgreSQL stores no NUL character) is an unknown client, as OAuth2 says.
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0] + "\u0000").formParam("client_secret", client[1])
                .when().post("/oauth/token")
                .then().statusCode(401).contentType("application/problem+json").body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("client_id", client[0])
                .when().post("/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        // A form is held to a size per field, far below the body's: the refusal names that limit.
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").formParam("scope", "partner ".repeat(700))
                .formParam("client_id", client[0]).formParam("client_secret", client[1])
                .when().post("/oauth/token")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("A form field is longer than this API accepts: at most 2048 bytes each"));
    }

    @Test
    void expiredRevokedAndForeignTokensAreRefused() {
        String[] client = Gateway.client(List.of("partner"), "META");
        TestClock.CLOCK.setTo(Instant.now().minus(Duration.ofHours(2)));
        String expired = Gateway.token(client[0], client[1]);
        TestClock.CLOCK.reset();
        given().auth().oauth2(expired).get("/api/calls").then().statusCode(401).body("detail", containsString("expired"));

        given().auth().oauth2(TestTokens.signedByUnknownKey("intruder", Set.of("admin"))).get("/api/calls")
                .then().statusCode(401).body("detail", containsString("unknown key"));
        given().auth().oauth2(TestTokens.signedByUnknownKey("intruder", Set.of("admin"))).get("/admin/clients")
                .then().statusCode(401).contentType("application/problem+json");

        String live = Gateway.token(client[0], client[1]);
        given().auth().oauth2(live).get("/api/calls").then().statusCode(200);
        given().auth().oauth2(Gateway.adminToken()).contentType(ContentType.URLENC).formParam("token", live)
                .post("/oauth/revoke").then().statusCode(200);
        given().auth().oauth2(live).get("/api/calls").then().statusCode(401).body("detail", containsString("revoked"));

        String other = Gateway.token(client[0], client[1]);
        given().auth().oauth2(Gateway.adminToken()).post("/admin/clients/{id}/revoke", client[0]).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(other).get("/api/calls").then().statusCode(401).body("detail", containsString("revoked"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", client[1])
                .post("/oauth/token").then().statusCode(401);
    }

    @Test
    void keyRotationKeepsLiveTokensValid() {
        String[] client = Gateway.client(List.of("partner"), "HUGGING_FACE");
        String before = Gateway.token(client[0], client[1]);
        List<String> kidsBefore = given().get("/oauth/jwks").then().extract().path("keys.kid");
        assertThat(kidsBefore).hasSize(2);
        String previousKid = given().auth().oauth2(Gateway.adminToken()).get("/admin/keys").then().statusCode(200)
                .extract().path("find { it.status == 'ACTIVE' }.kid");

        String newKid = given().auth().oauth2(Gateway.adminToken()).post("/admin/keys/rotate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("retireAfter", nullValue()).extract().path("kid");
        assertThat(kidsBefore).contains(newKid);
        given().auth().oauth2(Gateway.adminToken()).get("/admin/keys").then().statusCode(200)
                .body("find { it.kid == '%s' }.status".formatted(previousKid), equalTo("RETIRING"))
                .body("find { it.kid == '%s' }.retireAfter".formatted(previousKid), notNullValue())
                .body("findAll { it.status == 'NEXT' }", hasSize(1));

        given().auth().oauth2(before).get("/api/calls").then().statusCode(200);
        String after = Gateway.token(client[0], client[1]);
        given().auth().oauth2(after).get("/api/calls").then().statusCode(200);
        given().get("/oauth/jwks").then().body("keys", hasSize(3)).body("keys.kid", hasItem(newKid));
    }

    @Test
    void theSigningKeysPrivateHalvesAreSealedInTheDatabase() {
        given().auth().oauth2(Gateway.adminToken()).post("/admin/keys/rotate").then().statusCode(200);

        @SuppressWarnings("unchecked")
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT private_key FROM signing_key").getResultList());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3).allSatisfy(key -> assertThat(key).startsWith("aes256gcm:"));
        String[] client = Gateway.client(List.of("partner"), "META");
        given().auth().oauth2(Gateway.token(client[0], client[1])).get("/api/calls").then().statusCode(200);
    }

    /**
     * A planned rotation of a partner system's secret: for the overlap asked the old secret gets tokens too, so the
     * system switches without a moment where neither works; then only the new one does.
     */
    @Test
    void aPlannedRotationKeepsTheOldSecretWorkingUntilTheOverlapEnds() {
        String admin = Gateway.adminToken();
        String[] client = Gateway.client(List.of("partner"), "SCALEWAY");
        for (String refused : List.of("P8D", "-PT1H", "tomorrow")) {
            given().auth().oauth2(admin).queryParam("keepPreviousFor", refused).post("/admin/clients/{id}/secret", client[0]).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("keepPreviousFor"));
        }

        TestClock.CLOCK.setTo(Instant.now());
        var rotated = given().auth().oauth2(admin).queryParam("keepPreviousFor", "PT24H").post("/admin/clients/{id}/secret", client[0])
                .then().statusCode(200).extract();
        String newSecret = rotated.path("clientSecret");
        assertThat(Instant.parse(rotated.path("previousSecretValidUntil"))).isEqualTo(TestClock.CLOCK.instant().plus(Duration.ofHours(24)));
        Gateway.token(client[0], client[1]);
        Gateway.token(client[0], newSecret);

        TestClock.CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", client[1])
                .post("/oauth/token").then().statusCode(401);
        Gateway.token(client[0], newSecret);
    }

    /** A partner's system rotates its own secret on its own schedule, switching its instances over without a gap. */
    @Test
    void aClientRotatesItsOwnSecret() {
        String[] client = Gateway.client(List.of("partner"), "SCALEWAY");
        String token = Gateway.token(client[0], client[1]);
        given().auth().oauth2(token).get("/auth/client").then().statusCode(200)
                .body("clientId", equalTo(client[0])).body("partner", equalTo("SCALEWAY")).body("roles", equalTo(List.of("partner")))
                .body("status", equalTo("ACTIVE")).body("rotatedAt", nullValue()).body("clientSecret", nullValue());
        given().auth().oauth2(token).queryParam("keepPreviousFor", "P8D").post("/auth/client/secret").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("keepPreviousFor"))
                .body("errors[0].message", equalTo("must be between PT0S and P7D, was P8D"));
        Gateway.token(client[0], client[1]);

        TestClock.CLOCK.setTo(Instant.now());
        var rotated = given().auth().oauth2(token).queryParam("keepPreviousFor", "PT1H").post("/auth/client/secret")
                .then().statusCode(200).body("clientId", equalTo(client[0])).extract();
        String planned = rotated.path("clientSecret");
        assertThat(planned).startsWith("cs_").isNotEqualTo(client[1]);
        assertThat(Instant.parse(rotated.path("previousSecretValidUntil"))).isEqualTo(TestClock.CLOCK.instant().plus(Duration.ofHours(1)));
        // Read back as answered, to the microsecond.
        given().auth().oauth2(token).get("/auth/client").then().statusCode(200).body("clientSecret", nullValue())
                .body("rotatedAt", equalTo(rotated.path("rotatedAt"))).body("previousSecretValidUntil", equalTo(rotated.path("previousSecretValidUntil")));
        Gateway.token(client[0], client[1]);
        TestClock.CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", client[1])
                .post("/oauth/token").then().statusCode(401);

        // Feared leaked: without keepPreviousFor the secret it replaces stops at once.
        String leaked = planned;
        String fresh = given().auth().oauth2(Gateway.token(client[0], leaked)).post("/auth/client/secret")
                .then().statusCode(200).body("previousSecretValidUntil", nullValue()).extract().path("clientSecret");
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0]).formParam("client_secret", leaked)
                .post("/oauth/token").then().statusCode(401);
        Gateway.token(client[0], fresh);
    }

    @Test
    void onlyAClientOfTheGatewayRotatesItsOwnSecret() {
        String founder = given().contentType(ContentType.JSON)
                .body(Map.of("email", "ines+" + UUID.randomUUID() + "@open-weights.example", "password", "correct horse battery", "name", "Ines"))
                .post("/auth/signup").then().statusCode(201).extract().path("access_token");
        // An external provider's token naming, in its client_id, one of the provider's clients that shares the admin client's id.
        String external = TestTokens.fromIssuerToClient("https://idp.example.test", Gateway.ADMIN_ID, Set.of("admin"));
        for (String token : List.of(founder, external)) {
            given().auth().oauth2(token).get("/auth/client").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).post("/auth/client/secret").then().statusCode(403).contentType("application/problem+json");
        }
        given().post("/auth/client/secret").then().statusCode(401).contentType("application/problem+json");
        Gateway.adminToken();
    }

    @Test
    void adminsCreateListRotateAndRevokeClients() {
        String admin = Gateway.adminToken();
        var answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Hugging Face provisioning", "roles", List.of("partner"), "partner", "HUGGING_FACE"))
                .post("/admin/clients").then().statusCode(201)
                .body("clientSecret", notNullValue()).body("status", equalTo("ACTIVE")).extract();
        var created = answer.jsonPath();
        String id = created.getString("clientId");
        given().auth().oauth2(admin).get(answer.header("Location")).then().statusCode(200)
                .body("clientId", equalTo(id)).body("clientSecret", nullValue());
        given().auth().oauth2(admin).queryParam("partner", "HUGGING_FACE").queryParam("size", 100).get("/admin/clients").then().statusCode(200)
                .body("items.find { it.clientId == '" + id + "' }.clientSecret", nullValue());
        String rotated = given().auth().oauth2(admin).post("/admin/clients/{id}/secret", id).then().statusCode(200)
                .extract().path("clientSecret");
        assertThat(rotated).isNotEqualTo(created.getString("clientSecret"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", created.getString("clientSecret"))
                .post("/oauth/token").then().statusCode(401);
        Gateway.token(id, rotated);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("partner")))
                .post("/admin/clients").then().statusCode(400).body("errors.field", hasItem("partner"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("superuser")))
                .post("/admin/clients").then().statusCode(400).body("errors.field", hasItem("roles[0]"));
        given().auth().oauth2(Gateway.partnerToken("META")).get("/admin/clients").then().statusCode(403).contentType("application/problem+json");
        given().get("/admin/clients").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theClientListIsReadAPageAtATimeOldestFirstAndNarrowedToAPartnerOrAState() {
        String admin = Gateway.adminToken();
        String partner = "LAB_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Provisioning", "Usage reporting", "Billing export")) {
            ids.add(given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "roles", List.of("partner"), "partner", partner))
                    .post("/admin/clients").then().statusCode(201).extract().path("clientId"));
        }
        given().auth().oauth2(admin).post("/admin/clients/{id}/revoke", ids.get(1)).then().statusCode(200);

        given().auth().oauth2(admin).queryParam("partner", partner).queryParam("size", 2).get("/admin/clients").then().statusCode(200)
                .body("items.clientId", equalTo(ids.subList(0, 2))).body("items.clientSecret", equalTo(java.util.Arrays.asList(null, null)))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2));
        given().auth().oauth2(admin).queryParam("partner", partner).queryParam("size", 2).queryParam("page", 1).get("/admin/clients").then()
                .statusCode(200).body("items.clientId", equalTo(ids.subList(2, 3))).body("total", equalTo(3));
        given().auth().oauth2(admin).queryParam("partner", partner.toLowerCase()).queryParam("status", "revoked").get("/admin/clients").then()
                .statusCode(200).body("items.clientId", equalTo(List.of(ids.get(1)))).body("total", equalTo(1));
        given().auth().oauth2(admin).queryParam("partner", partner).queryParam("status", "ACTIVE").get("/admin/clients").then()
                .statusCode(200).body("items.clientId", equalTo(List.of(ids.get(0), ids.get(2))));

        given().auth().oauth2(admin).queryParam("status", "SUSPENDED").get("/admin/clients").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("status")));
        given().auth().oauth2(admin).queryParam("partner", "Scaleway Inc.").get("/admin/clients").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("partner")));
        given().auth().oauth2(admin).queryParam("size", 101).get("/admin/clients").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("size")));
    }

    @Test
    void aSignUpSentTwiceAtOnceMakesOneAccountAndTellsTheOtherToLogIn() throws Exception {
        Map<String, Object> body = Map.of("email", "double-click+" + UUID.randomUUID() + "@mistral-garden.example",
                "password", "correct horse battery", "name", "Camille");
        List<Response> answers = AllAtOnce.twice(() -> given().contentType(ContentType.JSON).body(body).post("/auth/signup"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                .satisfies(answer -> assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:ai-startup-program:problem:account-exists"));
        given().contentType(ContentType.JSON).body(Map.of("email", body.get("email"), "password", "correct horse battery"))
                .post("/auth/login").then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void foundersSignUpAndLogInForApplicantTokens() throws Exception {
        String email = "camille+" + UUID.randomUUID() + "@mistral-garden.example";
        var signedUp = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery", "name", "Camille"))
                .post("/auth/signup").then().statusCode(201).extract();
        String token = signedUp.path("access_token");
        Map<?, ?> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        assertThat(claims.get("groups")).isEqualTo(List.of("applicant"));
        assertThat((String) claims.get("sub")).startsWith("applicant-");

        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", "another long password", "name", "Camille"))
                .post("/auth/signup").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/auth/login").then().statusCode(200).body("access_token", notNullValue());
        given().auth().oauth2(token).get(signedUp.header("Location")).then().statusCode(200)
                .body("email", equalTo(email)).body("name", equalTo("Camille"))
                .body("id", equalTo(((String) claims.get("sub")).substring("applicant-".length())));
        given().auth().oauth2(Gateway.partnerToken("META")).get("/auth/me").then().statusCode(403).contentType("application/problem+json");
        given().get("/auth/me").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "wrong password!"))
                .post("/auth/login").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", "nobody@example.com", "password", "whatever password"))
                .post("/auth/login").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "password", "short", "name", ""))
                .post("/auth/signup").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password")).body("errors.field", hasItem("email"));
    }

    @Test
    void aPasswordBcryptWouldCutShortIsRefusedRatherThanCut() {
        String email = "noor+" + UUID.randomUUID() + "@agrillama.example";
        String longest = "correct horse battery staple, ".repeat(3).substring(0, 72);
        // 73 characters; then 40 characters in 80 bytes.
        List.of(longest + "!", "é".repeat(40)).forEach(password ->
                given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password, "name", "Noor"))
                        .post("/auth/signup").then().statusCode(400).contentType("application/problem+json")
                        .body("errors.size()", equalTo(1)).body("errors[0].field", equalTo("password"))
                        .body("errors[0].message", containsString("at most 72 bytes in UTF-8")));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", longest))
                .post("/auth/login").then().statusCode(401);

        String accessToken = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", longest, "name", "Noor"))
                .post("/auth/signup").then().statusCode(201).extract().path("access_token");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", longest.substring(0, 71) + "X"))
                .post("/auth/login").then().statusCode(401);
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("currentPassword", longest, "newPassword", "ü".repeat(37)))
                .post("/auth/password").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("newPassword")));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", longest))
                .post("/auth/login").then().statusCode(200);
    }

    @Test
    void aFounderStaysLoggedInWithRefreshTokensEachUsableOnce() throws Exception {
        String email = "ines+" + UUID.randomUUID() + "@agrillama.example";
        var signedUp = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery", "name", "Inès"))
                .post("/auth/signup").then().statusCode(201).extract().jsonPath();
        String first = signedUp.getString("refresh_token");
        assertThat(first).startsWith("rt_");

        var refreshed = refresh(first).then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("applicant")).extract().jsonPath();
        assertThat(subjectOf(refreshed.getString("access_token"))).isEqualTo(subjectOf(signedUp.getString("access_token")));
        given().auth().oauth2(refreshed.getString("access_token")).get("/api/calls").then().statusCode(200);
        String second = refreshed.getString("refresh_token");
        assertThat(second).startsWith("rt_").isNotEqualTo(first);

        refresh(first).then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("invalid_grant")).body("detail", containsString("already used"));
        refresh(second).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("detail", containsString("log in again"));

        String afterLogin = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/auth/login").then().statusCode(200).extract().path("refresh_token");
        refresh(afterLogin).then().statusCode(200);
    }

    @Test
    void aRefreshTokenExpiresAndLoggingOutEndsTheLogin() {
        String email = "yann+" + UUID.randomUUID() + "@agrillama.example";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery", "name", "Yann"))
                .post("/auth/signup").then().statusCode(201);
        String stale = logIn(email);
        TestClock.CLOCK.setTo(Instant.now().plus(Duration.ofDays(15)));
        refresh(stale).then().statusCode(400).body("error", equalTo("invalid_grant"));
        TestClock.CLOCK.reset();

        String current = logIn(email);
        var otherDevice = refresh(logIn(email)).then().statusCode(200).extract().jsonPath();
        var renewed = refresh(current).then().statusCode(200).extract().jsonPath();
        String accessToken = renewed.getString("access_token");
        given().auth().oauth2(accessToken).get("/api/calls").then().statusCode(200);
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("refresh_token", renewed.getString("refresh_token")))
                .post("/auth/logout").then().statusCode(204);
        refresh(renewed.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(accessToken).get("/api/calls").then().statusCode(401).body("detail", containsString("revoked"));
        given().auth().oauth2(otherDevice.getString("access_token")).get("/api/calls").then().statusCode(200);
        refresh(otherDevice.getString("refresh_token")).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "rt_unknown")).post("/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of()).post("/auth/logout").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("refresh_token"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").post("/oauth/token").then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("errors.field", hasItem("refresh_token"));
        String[] client = Gateway.client(List.of("partner"), "META");
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").formParam("client_id", client[0])
                .formParam("client_secret", client[1]).post("/oauth/token").then().statusCode(200)
                .body("$", not(hasKey("refresh_token")));
    }

    @Test
    void aFounderChangesItsPasswordAndEveryOtherLoginEnds() {
        String email = "lea+" + UUID.randomUUID() + "@agrillama.example";
        var signedUp = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery", "name", "Léa"))
                .post("/auth/signup").then().statusCode(201).extract().jsonPath();
        String otherDevice = logIn(email);
        String accessToken = signedUp.getString("access_token");

        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("currentPassword", "not my password", "newPassword", "a new and longer passphrase"))
                .post("/auth/password").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-startup-program:problem:wrong-password")).body("errors.field", hasItem("currentPassword"));
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("currentPassword", "correct horse battery", "newPassword", "short"))
                .post("/auth/password").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("newPassword"));
        logIn(email);
        given().auth().oauth2(Gateway.partnerToken("META")).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "correct horse battery", "newPassword", "a new and longer passphrase"))
                .post("/auth/password").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("currentPassword", "correct horse battery", "newPassword", "a new and longer passphrase"))
                .post("/auth/password").then().statusCode(401).contentType("application/problem+json");

        var changed = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "correct horse battery", "newPassword", "a new and longer passphrase"))
                .post("/auth/password").then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).extract().jsonPath();

        refresh(signedUp.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(otherDevice).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(changed.getString("refresh_token")).then().statusCode(200);
        given().auth().oauth2(changed.getString("access_token")).get("/api/calls").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/auth/login").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a new and longer passphrase"))
                .post("/auth/login").then().statusCode(200);
    }

    /**
     * A refresh arriving while a password change holds the account (here played in SQL as the change does it: the
     * account row locked, then every refresh token revoked) waits for it, then finds its token revoked: it cannot
     * slip a new, unrevoked token past the change.
     */
    @Test
    void aRefreshRacingAPasswordChangeWaitsForItAndIsRefused() throws Exception {
        String email = "race+" + UUID.randomUUID() + "@agrillama.example";
        var signedUp = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery", "name", "Race"))
                .post("/auth/signup").then().statusCode(201).extract().jsonPath();
        UUID account = UUID.fromString(((String) subjectOf(signedUp.getString("access_token"))).substring("applicant-".length()));

        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            try (PreparedStatement lock = change.prepareStatement("SELECT id FROM applicant_account WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, account);
                lock.executeQuery();
            }
            CompletableFuture<Integer> refreshing = CompletableFuture.supplyAsync(() -> refresh(signedUp.getString("refresh_token")).statusCode());
            Thread.sleep(1_000);
            assertThat(refreshing).as("the refresh waits for the password change").isNotDone();
            try (PreparedStatement revoke = change.prepareStatement("UPDATE refresh_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL")) {
                revoke.setObject(1, account);
                revoke.executeUpdate();
            }
            change.commit();
            assertThat(refreshing.get(30, TimeUnit.SECONDS)).isEqualTo(400);
        }
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth/token");
    }

    private static String logIn(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/auth/login").then().statusCode(200).extract().path("refresh_token");
    }

    private static Object subjectOf(String accessToken) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), Map.class).get("sub");
    }

    @Test
    void anExternalProvidersTokenReachesTheServicesAsOneTheGatewaySigned() throws Exception {
        String external = TestTokens.fromIssuer("https://idp.example.test", "reviewer-7@idp", Set.of("reviewer"));
        String probe = UUID.randomUUID().toString();
        given().auth().oauth2(external).get("/api/calls?probe={p}", probe).then().statusCode(200);
        given().auth().oauth2(external).get("/api/calls?probe={p}&again", probe).then().statusCode(200);

        String forwarded = GatewayTokenMechanism.bearerToken(RoutingTest.last("applications", "/calls?probe=" + probe).header("Authorization"));
        assertThat(forwarded).isNotEqualTo(external);
        assertThat(GatewayTokenMechanism.bearerToken(RoutingTest.last("applications", "/calls?probe=" + probe + "&again")
                .header("Authorization"))).as("exchanged once per external token").isEqualTo(forwarded);
        // What every service checks: the gateway's issuer and a key of the gateway's JWKS.
        JwtConsumer asAService = new JwtConsumerBuilder().setExpectedIssuer(TestTokens.ISSUER).setRequireExpirationTime()
                .setSkipDefaultAudienceValidation().setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(given().get("/oauth/jwks").then().statusCode(200).extract().asString()).getJsonWebKeys()))
                .build();
        JwtClaims claims = asAService.processToClaims(forwarded);
        assertThat(claims.getSubject()).isEqualTo("reviewer-7@idp");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("reviewer");
        assertThat(claims.getExpirationTime().getValue())
                .isLessThanOrEqualTo(new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                        .setSkipSignatureVerification().build().processToClaims(external).getExpirationTime().getValue());

        String own = Gateway.adminToken();
        given().auth().oauth2(own).get("/api/calls?probe={p}&own", probe).then().statusCode(200);
        assertThat(RoutingTest.last("applications", "/calls?probe=" + probe + "&own").header("Authorization")).isEqualTo("Bearer " + own);
    }

    @Test
    void tokensOfTheConfiguredExternalIdentityProviderAreAccepted() {
        String external = TestTokens.fromIssuer("https://idp.example.test", "someone@idp", Set.of("admin"));
        given().auth().oauth2(external).get("/api/calls").then().statusCode(200);
        given().auth().oauth2(external).get("/admin/clients").then().statusCode(200);
        String wrongIssuer = TestTokens.fromIssuer("https://evil.example.test", "someone@idp", Set.of("admin"));
        given().auth().oauth2(wrongIssuer).get("/api/calls").then().statusCode(401);

        String withoutId = TestTokens.fromIssuerWithoutId("https://idp.example.test", "someone-else@idp", Set.of("applicant"));
        given().auth().oauth2(withoutId).get("/api/calls").then().statusCode(200);
        given().auth().oauth2(Gateway.adminToken()).contentType(ContentType.URLENC).formParam("token", withoutId)
                .post("/oauth/revoke").then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("unsupported_token_type")).body("detail", containsString("jti"));
        given().auth().oauth2(withoutId).contentType(ContentType.JSON).body(Map.of("refresh_token", "rt_unknown"))
                .post("/auth/logout").then().statusCode(204);
        given().auth().oauth2(withoutId).get("/api/calls").then().statusCode(200);
    }
}
