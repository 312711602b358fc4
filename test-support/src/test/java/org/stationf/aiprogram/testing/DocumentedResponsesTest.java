package org.stationf.aiprogram.testing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker every module's tests run their answers through: it must refuse what the document does not promise. */
class DocumentedResponsesTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {"/grants/{id}": {"get": {"operationId": "getGrant", "responses": {"200": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Grant"}}}}}}}},
             "components": {"schemas": {"Grant": {"type": "object", "required": ["id", "balance"],
                 "properties": {"id": {"type": "string"}, "balance": {"type": "string", "example": "412.37"},
                                "status": {"type": "string", "enum": ["ISSUED", "ACTIVE"]}}}}}}""";

    private static HttpServer server;
    private static String baseUri;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/q/openapi", 200, "application/json", DOCUMENT);
        answer("/grants/kept", 200, "application/json", "{\"id\": \"kept\", \"balance\": \"412.37\", \"status\": \"ACTIVE\"}");
        answer("/grants/missing-balance", 200, "application/json", "{\"id\": \"missing-balance\"}");
        answer("/grants/unknown-status", 200, "application/json", "{\"id\": \"unknown-status\", \"balance\": \"1\", \"status\": \"LOST\"}");
        answer("/grants/truncated", 200, "application/json", "{\"id\": \"truncated\", \"bal");
        answer("/grants/gone", 410, "application/problem+json", "{\"type\": \"urn:test:problem:gone\", \"title\": \"Gone\", \"status\": 410}");
        answer("/grants/emptied", 204, "application/json", "");
        answer("/grants/plain", 200, "text/plain", "412.37");
        answer("/grants/throttled", 429, "application/problem+json",
                "{\"type\": \"urn:test:problem:rate-limited\", \"title\": \"Too many requests\", \"status\": 429}");
        answer("/refusals/first", 409, "application/problem+json",
                "{\"type\": \"urn:test:problem:slot-taken\", \"title\": \"Slot taken\", \"status\": 409}");
        answer("/refusals/second", 409, "application/problem+json",
                "{\"type\": \"urn:test:problem:slot-taken\", \"title\": \"Slot already booked\", \"status\": 409}");
        server.start();
        baseUri = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerTheSchemaAllowsPasses() {
        assertDoesNotThrow(() -> get("/grants/kept"));
    }

    @Test
    void aMissingRequiredFieldFailsTheTestNamingIt() {
        assertFailsSaying("/grants/missing-balance", "required property 'balance' not found");
    }

    @Test
    void aValueOutsideTheDocumentedEnumFailsTheTest() {
        assertFailsSaying("/grants/unknown-status", "/status: does not have a value in the enumeration");
    }

    @Test
    void anAnswerLabelledJsonThatIsNotJsonFailsTheTest() {
        assertFailsSaying("/grants/truncated", "application/json that is not JSON");
    }

    @Test
    void aStatusTheOperationDoesNotDocumentFailsTheTestNamingTheOnesItDoes() {
        assertFailsSaying("/grants/gone", "GET /grants/gone answered 410, which its OpenAPI operation getGrant does not document (it documents 200)");
        assertFailsSaying("/grants/emptied", "answered 204, which its OpenAPI operation getGrant does not document");
    }

    @Test
    void aBodyOfAMediaTypeTheStatusDoesNotDocumentFailsTheTest() {
        assertFailsSaying("/grants/plain", "GET /grants/plain answered 200 as text/plain, which its OpenAPI operation getGrant documents as application/json");
    }

    @Test
    void aRateLimitIsAnAnswerAnyOperationMayGive() {
        assertDoesNotThrow(() -> get("/grants/throttled"));
    }

    @Test
    void aProblemTypeAnsweredWithASecondTitleFailsTheTest() {
        assertDoesNotThrow(() -> get("/refusals/first"));
        assertFailsSaying("/refusals/second", "Slot taken");
    }

    /** The call fails the test that makes it, and the failure says why. */
    private static void assertFailsSaying(String path, String expected) {
        AssertionError error = assertThrows(AssertionError.class, () -> get(path));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static void get(String path) {
        given().baseUri(baseUri).filter(DocumentedResponses.fromDocumentsAt("/q/openapi")).get(path);
    }

    private static void answer(String path, int status, String contentType, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }
}
