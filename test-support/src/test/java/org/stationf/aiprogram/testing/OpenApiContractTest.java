package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every service's OpenApiDocumentTest holds its served document to: one that keeps them passes, each breach is named. */
class OpenApiContractTest {

    private static final String KEPT = """
            {"openapi": "3.1.0", "info": {"title": "resources-service", "version": "1.0"},
             "security": [{"bearerToken": []}],
             "tags": [{"name": "Grants", "description": "What partners grant each member"}],
             "paths": {"/grants/{id}": {"put": {
                 "operationId": "updateGrant", "summary": "Update a grant", "tags": ["Grants"],
                 "description": "Send the whole grant with the version you read.",
                 "parameters": [{"name": "id", "in": "path", "required": true, "description": "The grant's id", "schema": {"type": "string"}}],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grant"}}}},
                 "responses": {
                     "200": {"description": "The grant", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grant"}}}},
                     "400": {"description": "Invalid grant", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "404": {"description": "No such grant", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {
                 "securitySchemes": {"bearerToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
                 "schemas": {
                     "Grant": {"type": "object", "properties": {"externalReference": {"type": "string", "example": "org-7f3c2a"}}},
                     "Problem": {"type": "object", "properties": {"title": {"type": "string", "examples": ["Not found"]}}}}}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDocumentThatKeepsTheRulesHasNoViolation() throws Exception {
        assertEquals(List.of(), OpenApiContract.violations(JSON.readTree(KEPT)));
    }

    @Test
    void eachBreachIsNamedWithItsOperation() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(KEPT);
        document.remove("info");
        ObjectNode put = (ObjectNode) document.at("/paths/~1grants~1{id}/put");
        put.remove("summary");
        put.remove("description");
        ((ObjectNode) put.get("responses")).remove("404");
        ((ObjectNode) put.at("/responses/200/content/application~1json")).putObject("schema");
        ((ObjectNode) put.at("/responses/400/content")).set("application/json", put.at("/responses/400/content/application~1problem+json"));
        ((ObjectNode) put.at("/responses/400/content")).remove("application/problem+json");
        put.putArray("security").addObject().putArray("partnerOAuth");
        ObjectNode schemas = (ObjectNode) document.at("/components/schemas");
        ((ObjectNode) schemas.at("/Grant/properties/externalReference")).remove("example");
        schemas.set("Grant2", schemas.get("Grant"));

        List<String> violations = OpenApiContract.violations(document);

        assertContains(violations, "not valid OpenAPI 3.1.0");
        assertContains(violations, "PUT /grants/{id}: no summary");
        assertContains(violations, "PUT /grants/{id}: no description");
        assertContains(violations, "PUT /grants/{id}: 200 application/json has an empty schema");
        assertContains(violations, "PUT /grants/{id}: takes an id in its path but documents no 404");
        assertContains(violations, "PUT /grants/{id}: 400 is not documented as application/problem+json");
        assertContains(violations, "PUT /grants/{id}: its application/json body has no example");
        assertContains(violations, "schema Grant: property externalReference has no example");
        assertContains(violations, "PUT /grants/{id}: asks for security scheme partnerOAuth, which components.securitySchemes does not declare");
        assertContains(violations, "schema Grant2: a numbered name");
        assertContains(violations, "schema Grant2: used by no operation");
    }

    @Test
    void aFilterThatCanBeMalformedMustDocumentTheRefusal() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(KEPT);
        ((ObjectNode) document.at("/paths/~1grants~1{id}")).set("get", JSON.readTree("""
                {"operationId": "getGrant", "summary": "Read a grant", "description": "As of a day, if given.", "tags": ["Grants"],
                 "parameters": [{"name": "id", "in": "path", "required": true, "description": "The grant's id", "schema": {"type": "string"}},
                                {"name": "asOf", "in": "query", "description": "The day", "schema": {"type": "string", "format": "date"}}],
                 "responses": {
                     "200": {"description": "The grant", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grant"}}}},
                     "404": {"description": "No such grant", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}"""));

        assertEquals(List.of("GET /grants/{id}: takes query parameters but documents no 400"), OpenApiContract.violations(document));
    }

    @Test
    void aDescriptionThatOnlyRepeatsTheSummaryIsNamed() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(KEPT);
        ((ObjectNode) document.at("/paths/~1grants~1{id}/put")).put("description", "Update a grant");

        assertEquals(List.of("PUT /grants/{id}: its description only repeats its summary"), OpenApiContract.violations(document));
    }

    @Test
    void aCreationThatDoesNotSayWhereItsResultIsReadIsNamed() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(KEPT);
        ObjectNode responses = (ObjectNode) document.at("/paths/~1grants~1{id}/put/responses");
        ObjectNode created = (ObjectNode) responses.remove("200");
        responses.set("201", created);
        assertEquals(List.of("PUT /grants/{id}: 201 documents no Location header saying where what it created is read"),
                OpenApiContract.violations(document));

        created.putObject("headers").putObject("Location").put("description", "The grant: the URL to read it at")
                .putObject("schema").put("type", "string");
        assertEquals(List.of(), OpenApiContract.violations(document));
    }

    private static void assertContains(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(violation -> violation.startsWith(expected)),
                () -> "no violation starting with '" + expected + "' among:\n" + String.join("\n", violations));
    }
}
