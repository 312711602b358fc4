package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the frontend team and partners need from a service's OpenAPI document to build a client from it alone, checked
 * on the document the service serves: it is valid OpenAPI 3.1, as the schema the OpenAPI Initiative publishes for it
 * says (code generators and contract loaders refuse a document that is not); each operation has a unique operationId
 * (the method name a generated client gets), says what it does (a summary, and a description that says more) and
 * what its filters and path parameters mean, what it answers on success and in which shape (a 201 also where what it
 * created is read: its Location header), and the errors it gives
 * (an unknown or malformed id is a 404, bad input in the body or the query a 400), each as a problem+json body;
 * request bodies carry examples Swagger UI can prefill, and every text or number field of a schema its own example;
 * every schema is used, none under a numbered duplicate name;
 * every tag (a group in Swagger UI) is described; and the security the operations ask for is what Swagger UI's
 * Authorize dialog offers: each requirement names a declared scheme, each declared scheme is asked for by some operation, and an OAuth2 scheme's flows declare exactly the scopes the operations ask for. A module's
 * {@code @QuarkusTest} extending this class checks the document its service serves.
 */
public abstract class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "number");

    @Test
    void theServedDocumentDocumentsEveryOperationsSuccessErrorsAndExampleBodies() {
        List<String> violations = violations(servedDocument());
        assertTrue(violations.isEmpty(), () -> violations.size() + " breaches of the OpenAPI contract:\n" + String.join("\n", violations));
    }

    /** The OpenAPI document the service under test serves, as JSON. */
    static JsonNode servedDocument() {
        String document = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();
        try {
            return new ObjectMapper().readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The served OpenAPI document is not JSON", e);
        }
    }

    /** Every breach of the contract in the document, one line each ("GET /calls/{id}: ..."); empty when it holds. */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>(specificationViolations(document));
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> referenced = new HashSet<>();
        document.findValuesAsText("$ref").forEach(ref -> referenced.add(ref.substring(ref.lastIndexOf('/') + 1)));
        schemas.fieldNames().forEachRemaining(name -> {
            if (Character.isDigit(name.charAt(name.length() - 1))) {
                violations.add("schema " + name + ": a numbered name, two types share the name " + name.replaceAll("\\d+$", ""));
            }
            if (!referenced.contains(name)) {
                violations.add("schema " + name + ": used by no operation");
            }
            for (Map.Entry<String, JsonNode> property : iterable(schemas.get(name).path("properties").fields())) {
                if (isScalarWithoutExample(property.getValue())) {
                    violations.add("schema " + name + ": property " + property.getKey() + " has no example");
                }
            }
        });
        for (JsonNode tag : document.path("tags")) {
            if (tag.path("description").asText().isBlank()) {
                violations.add("tag " + tag.path("name").asText() + ": no description");
            }
        }
        Map<String, JsonNode> securityByPlace = new LinkedHashMap<>();
        securityByPlace.put("the document's default security", document.path("security"));
        Map<String, String> operationIds = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> method : iterable(path.getValue().fields())) {
                if (METHODS.contains(method.getKey())) {
                    String operation = method.getKey().toUpperCase() + " " + path.getKey();
                    String operationId = method.getValue().path("operationId").asText();
                    if (!operationId.matches("[a-z][A-Za-z0-9]*")) {
                        violations.add(operation + ": operationId '" + operationId + "' is not a lowerCamelCase name");
                    } else if (operationIds.containsKey(operationId)) {
                        violations.add(operation + ": operationId " + operationId + " is also " + operationIds.get(operationId) + "'s");
                    }
                    operationIds.put(operationId, operation);
                    securityByPlace.put(operation, method.getValue().path("security"));
                    check(operation, method.getValue(), path.getValue(), schemas, violations);
                }
            }
        }
        checkSecurity(securityByPlace, document.path("components").path("securitySchemes"), violations);
        return violations;
    }

    /**
     * Where the document breaks the OpenAPI Initiative's JSON schema of OpenAPI 3.1, found by Vert.x OpenAPI, which
     * refuses to load such a contract. The specification lets the OAuth2 URLs be relative references (resolved
     * against where the document came from), which that schema's {@code format: uri} would refuse once a validator
     * asserts formats, as this one does: they are resolved first, as a client does.
     */
    static List<String> specificationViolations(JsonNode document) {
        JsonObject contract = new JsonObject(withOAuthUrlsResolved(document).toString());
        Vertx vertx = Vertx.vertx();
        try {
            OpenAPIVersion version = OpenAPIVersion.fromContract(contract);
            SchemaRepository schemas = await(version.getRepository(vertx, "app://"));
            OutputUnit result = await(version.validateContract(vertx, schemas, contract));
            if (Boolean.TRUE.equals(result.getValid())) {
                return List.of();
            }
            List<String> violations = new ArrayList<>();
            List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
            for (OutputUnit error : errors) {
                if (isCause(error, errors)) {
                    violations.add("not valid OpenAPI " + contract.getString("openapi") + " at "
                            + error.getInstanceLocation() + ": " + error.getError());
                }
            }
            return violations.isEmpty() ? List.of("not valid OpenAPI " + contract.getString("openapi") + ": " + result) : violations;
        } catch (RuntimeException e) {
            return List.of("not an OpenAPI document Vert.x OpenAPI can read: " + e.getMessage());
        } finally {
            vertx.close();
        }
    }

    /**
     * Whether an error says what is wrong rather than only that something below it is: a failing subschema's
     * keyword is followed by the errors inside it (an "if" by those of its "then" or "else"), and a property that
     * failed its schema is then also "unevaluated", which says nothing more.
     */
    private static boolean isCause(OutputUnit error, List<OutputUnit> errors) {
        String keyword = error.getKeywordLocation();
        String instance = error.getInstanceLocation();
        String inside = keyword.endsWith("/if") ? keyword.substring(0, keyword.length() - "if".length()) : keyword + "/";
        return errors.stream().noneMatch(other -> other != error && (other.getKeywordLocation().startsWith(inside)
                || keyword.endsWith("/unevaluatedProperties") && !other.getKeywordLocation().startsWith(keyword)
                        && (other.getInstanceLocation().equals(instance) || other.getInstanceLocation().startsWith(instance + "/"))));
    }

    private static JsonNode withOAuthUrlsResolved(JsonNode document) {
        JsonNode copy = document.deepCopy();
        for (JsonNode scheme : copy.path("components").path("securitySchemes")) {
            for (JsonNode flow : scheme.path("flows")) {
                for (String url : List.of("authorizationUrl", "tokenUrl", "refreshUrl")) {
                    if (flow.hasNonNull(url)) {
                        ((ObjectNode) flow).put(url, URI.create("https://gateway.example/").resolve(flow.get(url).asText()).toString());
                    }
                }
            }
        }
        return copy;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkSecurity(Map<String, JsonNode> securityByPlace, JsonNode schemes, List<String> violations) {
        Map<String, Set<String>> scopesAskedBySchemes = new HashMap<>();
        securityByPlace.forEach((place, requirements) -> {
            for (JsonNode requirement : requirements) {
                for (Map.Entry<String, JsonNode> schemeAndScopes : iterable(requirement.fields())) {
                    String name = schemeAndScopes.getKey();
                    Set<String> scopesAsked = scopesAskedBySchemes.computeIfAbsent(name, scheme -> new HashSet<>());
                    schemeAndScopes.getValue().forEach(scope -> scopesAsked.add(scope.asText()));
                    if (schemes.path(name).isMissingNode()) {
                        violations.add(place + ": asks for security scheme " + name + ", which components.securitySchemes does not declare");
                    }
                }
            }
        });
        for (Map.Entry<String, JsonNode> scheme : iterable(schemes.fields())) {
            String name = scheme.getKey();
            Set<String> scopesAsked = scopesAskedBySchemes.get(name);
            if (scopesAsked == null) {
                violations.add("security scheme " + name + ": asked for by no operation, so a token given for it is never sent");
            } else if ("oauth2".equals(scheme.getValue().path("type").asText())) {
                // An OAuth2 scope is a checkbox in Swagger UI's Authorize dialog and a value of the token request.
                Set<String> scopesDeclared = new HashSet<>();
                scheme.getValue().path("flows").findValues("scopes").forEach(scopes -> scopes.fieldNames().forEachRemaining(scopesDeclared::add));
                scopesAsked.stream().filter(scope -> !scopesDeclared.contains(scope)).sorted().forEach(scope ->
                        violations.add("security scheme " + name + ": scope " + scope + " is asked for but declared by none of its flows"));
                scopesDeclared.stream().filter(scope -> !scopesAsked.contains(scope)).sorted().forEach(scope ->
                        violations.add("security scheme " + name + ": scope " + scope + " is declared but asked for by no operation"));
            }
        }
    }

    private static void check(String operation, JsonNode op, JsonNode pathItem, JsonNode schemas, List<String> violations) {
        if (op.path("summary").asText().isBlank()) {
            violations.add(operation + ": no summary");
        }
        // Swagger UI and generated clients show the summary as a title and the description as the doc comment.
        if (op.path("description").asText().isBlank()) {
            violations.add(operation + ": no description");
        } else if (op.path("description").asText().strip().equals(op.path("summary").asText().strip())) {
            violations.add(operation + ": its description only repeats its summary");
        }
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : iterable(responses.fields())) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2") || status.startsWith("3")) {
                success = true;
                if (status.equals("201") && response.getValue().path("headers").path("Location").isMissingNode()) {
                    violations.add(operation + ": 201 documents no Location header saying where what it created is read");
                }
                if (status.startsWith("2") && !status.equals("204")) {
                    if (content.isEmpty()) {
                        violations.add(operation + ": " + status + " documents no body");
                    }
                    content.fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        if (schema.isMissingNode()) {
                            violations.add(operation + ": " + status + " " + media.getKey() + " has no schema");
                        } else if (schema.isEmpty() && media.getKey().contains("json")) {
                            violations.add(operation + ": " + status + " " + media.getKey() + " has an empty schema, which a generated client types as unknown");
                        }
                    });
                }
            } else if (content.path("application/problem+json").path("schema").isMissingNode()) {
                violations.add(operation + ": " + status + " is not documented as application/problem+json");
            }
        }
        if (!success) {
            violations.add(operation + ": documents no success answer");
        }
        boolean takesQueryParameters = false;
        for (JsonNode parameter : op.path("parameters")) {
            String in = parameter.path("in").asText();
            takesQueryParameters |= "query".equals(in);
            if (("query".equals(in) || "path".equals(in)) && parameter.path("description").asText().isBlank()) {
                violations.add(operation + ": " + in + " parameter " + parameter.path("name").asText() + " is not described");
            }
        }
        if (takesQueryParameters && responses.path("400").isMissingNode()) {
            violations.add(operation + ": takes query parameters but documents no 400");
        }
        if (hasPathParameter(op) || hasPathParameter(pathItem)) {
            if (responses.path("404").isMissingNode()) {
                violations.add(operation + ": takes an id in its path but documents no 404");
            }
        }
        JsonNode body = op.path("requestBody").path("content");
        if (!body.isMissingNode()) {
            if (responses.path("400").isMissingNode()) {
                violations.add(operation + ": takes a body but documents no 400");
            }
            body.fields().forEachRemaining(media -> {
                if (media.getKey().contains("json") && !hasExample(media.getValue(), schemas)) {
                    violations.add(operation + ": its " + media.getKey() + " body has no example");
                }
            });
        }
    }

    private static boolean hasPathParameter(JsonNode operationOrPath) {
        for (JsonNode parameter : operationOrPath.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text or number field with neither an example nor a list of values: Swagger UI's example of the answer shows
     * it as "string" or 0, and a mock server built from the document answers the same.
     */
    private static boolean isScalarWithoutExample(JsonNode property) {
        JsonNode type = property.path("type");
        boolean scalar = false;
        for (JsonNode each : type.isArray() ? type : List.of(type)) {
            scalar |= SCALAR_TYPES.contains(each.asText());
        }
        return scalar && !property.has("$ref") && !property.has("example") && !property.has("examples") && !property.has("enum") && !property.has("const");
    }

    /** An example on the body, or anywhere in its schema that Swagger UI builds the body it prefills from. */
    private static boolean hasExample(JsonNode media, JsonNode schemas) {
        return media.has("example") || media.has("examples") || hasExample(media.path("schema"), schemas, 0);
    }

    private static boolean hasExample(JsonNode schema, JsonNode schemas, int depth) {
        if (depth > 4) {
            return false;
        }
        JsonNode resolved = resolve(schema, schemas);
        if (schema.has("example") || schema.has("examples") || resolved.has("example") || resolved.has("examples")
                || hasExample(resolved.path("items"), schemas, depth + 1)) {
            return true;
        }
        for (JsonNode property : resolved.path("properties")) {
            if (hasExample(property, schemas, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The schema itself, or the component schema its $ref points to. */
    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
