package org.stationf.aiprogram.gateway;

import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Tokens from the gateway under test, as its clients get them. */
final class Gateway {

    static final String ADMIN_ID = "admin";
    static final String ADMIN_SECRET = "test-admin-secret-0123456789";

    private Gateway() {
    }

    static String token(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    static String adminToken() {
        return token(ADMIN_ID, ADMIN_SECRET);
    }

    /** A new client with these roles; returns {clientId, clientSecret}. */
    static String[] client(List<String> roles, String partner) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("name", "Test client", "roles", roles));
        if (partner != null) {
            request.put("partner", partner);
        }
        var created = given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(request)
                .post("/admin/clients").then().statusCode(201).extract().jsonPath();
        return new String[]{created.getString("clientId"), created.getString("clientSecret")};
    }

    static String partnerToken(String partner) {
        String[] client = client(List.of("partner"), partner);
        return token(client[0], client[1]);
    }
}
