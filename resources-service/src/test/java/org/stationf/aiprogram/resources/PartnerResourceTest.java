package org.stationf.aiprogram.resources;

import io.restassured.response.Response;
import org.stationf.aiprogram.testing.AllAtOnce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.stationf.aiprogram.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
    void anAdminEditsAPartnerWholeItsCodeStaysAndContactsLeftOutAreRemoved() throws Exception {
        String code = "LAB_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Open Weights Lab", "contacts", List.of(
                        Map.of("name", "Jules Moreau", "email", "jules@openweights.example", "role", "Program manager"),
                        Map.of("name", "Inès Robert", "email", "ines@openweights.example"))))
                .post("/partners").then().statusCode(201);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "SOMETHING_ELSE", "name", "Open Weights Lab SAS",
                        "contacts", List.of(Map.of("name", "Inès Robert", "email", "ines@openweights.example", "role", "Partnerships")),
                        "webhookUrl", "https://hooks.openweights.example/program"))
                .put("/partners/{code}", code).then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo("Open Weights Lab SAS"))
                .body("contacts.name", contains("Inès Robert")).body("contacts[0].role", equalTo("Partnerships"))
                .body("webhookUrl", equalTo("https://hooks.openweights.example/program")).body("signingSecret", nullValue());
        given().auth().oauth2(TestTokens.admin()).get("/partners/{code}", code).then().statusCode(200)
                .body("name", equalTo("Open Weights Lab SAS")).body("contacts", hasSize(1));
        // The same edit sent twice at once (no version to send): both apply, one after the other.
        assertThat(AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Open Weights Lab", "webhookUrl", "https://hooks.openweights.example/v2"))
                .put("/partners/{code}", code))).extracting(Response::statusCode).containsExactly(200, 200);
        given().auth().oauth2(TestTokens.admin()).get("/partners/{code}", code).then()
                .body("name", equalTo("Open Weights Lab")).body("webhookUrl", equalTo("https://hooks.openweights.example/v2"));
        given().auth().oauth2(TestTokens.admin()).get("/partners/SOMETHING_ELSE").then().statusCode(404);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "", "webhookUrl", "ftp://files.openweights.example", "contacts", List.of(Map.of("name", "No email"))))
                .put("/partners/{code}", code).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "webhookUrl", "contacts[0].email"));
        given().auth().oauth2(TestTokens.admin()).get("/partners/{code}", code).then().body("name", equalTo("Open Weights Lab"));
        given().auth().oauth2(TestTokens.partner(code)).contentType(ContentType.JSON).body(Map.of("name", "Renamed by itself"))
                .put("/partners/{code}", code).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("name", "Nobody"))
                .put("/partners/{code}", "NO_SUCH_PARTNER").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPartnerCreatedTwiceAtOnceExistsOnceAndTheSecondIsToldSo() throws Exception {
        String code = "LAB_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Map<String, Object> body = Map.of("code", code, "name", "Open Weights Lab");
        List<Response> answers = AllAtOnce.twice(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/partners"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).singleElement()
                .satisfies(answer -> assertThat(answer.jsonPath().getString("type"))
                        .isEqualTo("urn:ai-startup-program:problem:partner-exists"));
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
