package org.stationf.aiprogram.resources;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class PartnerResourceTest {

    @Test
    void adminsSeeThe2023PartnersAndCanAddOne() {
        given().auth().oauth2(TestTokens.admin())
                .when().get("/partners")
                .then().statusCode(200)
                .body("code", hasItems("HUGGING_FACE", "META", "SCALEWAY"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"MISTRAL_AI\", \"name\": \"Mistral AI\"}")
                .when().post("/partners")
                .then().statusCode(201)
                .body("code", equalTo("MISTRAL_AI"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"MISTRAL_AI\", \"name\": \"Mistral AI again\"}")
                .when().post("/partners")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("MISTRAL_AI"));
    }

    @Test
    void aPartnerSeesOnlyItself() {
        given().auth().oauth2(TestTokens.partner("SCALEWAY"))
                .when().get("/partners")
                .then().statusCode(200)
                .body("code", contains("SCALEWAY"));
        given().auth().oauth2(TestTokens.partner("SCALEWAY"))
                .when().get("/partners/META")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** No partner code holds a NUL character (PostgreSQL cannot store one): such a path names no partner. */
    @Test
    void aPartnerCodeHoldingANulCharacterNamesNoPartner() {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false)
                .when().get("/partners/META%00")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No resource at /partners/META%00"));
    }

    @Test
    void aBadPartnerIsRefusedNamingTheField() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"lower case\", \"name\": \"\"}")
                .when().post("/partners")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name"));
        given().auth().oauth2(TestTokens.partner("META")).contentType(ContentType.JSON)
                .body("{\"code\": \"EVIL\", \"name\": \"Evil\"}")
                .when().post("/partners")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }
}
