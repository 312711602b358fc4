package org.stationf.aiprogram.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The suite as its users reach it: through the gateway only, with tokens the gateway issues. */
public final class Api {

    private Api() {
    }

    /** A request to the gateway with this bearer token. */
    public static RequestSpecification as(String token) {
        return given().baseUri(RunningSuite.GATEWAY).auth().oauth2(token);
    }

    public static String token(String clientId, String secret) {
        return given().baseUri(RunningSuite.GATEWAY).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    public static String admin() {
        return token("admin", RunningSuite.ADMIN_SECRET);
    }

    /** A client created by the admin; returns its token. */
    public static String client(List<String> roles, String partner, String subject) {
        Map<String, Object> request = new HashMap<>(Map.of("name", "E2E " + roles, "roles", roles));
        if (partner != null) {
            request.put("partner", partner);
        }
        if (subject != null) {
            request.put("subject", subject);
        }
        var created = as(admin()).contentType(ContentType.JSON).body(request).post("/admin/clients").then().statusCode(201).extract().jsonPath();
        return token(created.getString("clientId"), created.getString("clientSecret"));
    }

    public static String partner(String partner) {
        return client(List.of("partner"), partner, null);
    }

    /** A founder who signs up through the frontend's flow; returns its applicant token. */
    public static String founder(String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", ".");
        return given().baseUri(RunningSuite.GATEWAY).contentType(ContentType.JSON)
                .body(Map.of("email", slug.substring(0, Math.min(20, slug.length())) + "+" + UUID.randomUUID() + "@startup.example",
                        "password", "a long enough password", "name", name))
                .post("/auth/signup").then().statusCode(201).extract().path("access_token");
    }

    /** The subject of a token (what the services see as the caller). */
    public static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
