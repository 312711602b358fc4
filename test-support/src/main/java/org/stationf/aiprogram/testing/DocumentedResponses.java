package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;

/**
 * Holds every answer a test receives to what the served OpenAPI document promises. A documented operation answers only
 * the statuses it documents: a client generated from the document has a type for each of them and none for the others,
 * and the frontend team writes its error handling from that list. The exceptions are the answers any operation may
 * give, which come from HTTP and the platform rather than from the operation: a body too large or of the wrong media type
 * (413, 415), a URI or headers too long (414, 431), a rate limit (429), and the suite unable to serve it now (502, 503,
 * 504); and a 500, which tests fail on by themselves. A body answered with a documented status must have a media type
 * that status documents (a problem answered as plain JSON would not reach a client's problem handling), and a JSON
 * body must match that status's schema (each required field present, no null where the document says never null, the
 * types and enum values it lists). A test that sees either promise broken fails, naming the operation and what it
 * broke. Answers to paths the document does not describe, and bodies it does not (CSV, iCalendar), pass unchecked.
 * Registered for every {@code @QuarkusTest} by {@link DocumentedResponsesCallback}; the end-to-end tests register one
 * reading the gateway's documents, whose relative server URL (the gateway's public prefix, {@code /api}) is taken off a
 * path before it is matched.
 * <p>
 * Every problem+json answer is also held to RFC 9457's promise that a problem type's title does not change from one
 * occurrence to the next (a client may show it, or key its messages by type): a type seen with two titles in one test
 * run fails the test that saw the second.
 */
public final class DocumentedResponses implements Filter {

    /** A Quarkus service's own document. */
    static final DocumentedResponses SERVED_DOCUMENT = new DocumentedResponses(List.of("/q/openapi"));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAPI 3.1's dialect (examples, discriminators), told that "components", set beside a schema by compile, is no keyword. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getOpenApi31()).keyword(new NonValidationKeyword("components")).build());
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^/}]+}");
    /** The title each problem type was first answered with in this JVM, and by which call. */
    private static final Map<String, String[]> PROBLEM_TITLES = new ConcurrentHashMap<>();
    /** What HTTP and the platform may answer to any operation (see above). */
    private static final Set<Integer> ANY_OPERATION_MAY_ANSWER = Set.of(413, 414, 415, 429, 431, 500, 502, 503, 504);
    /** Each path template as a pattern, compiled once: every answer is matched against every template of a document. */
    private static final Map<String, Pattern> TEMPLATES = new ConcurrentHashMap<>();

    private final List<String> documentPaths;
    private final Map<String, List<JsonNode>> documents = new ConcurrentHashMap<>();
    /** When an origin that answered 429 for its documents may be asked again (System.nanoTime). */
    private final Map<String, Long> throttledUntil = new ConcurrentHashMap<>();
    /** By the schema node itself: two documents may each have their own "Contact". */
    private final Map<JsonNode, Schema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());

    private DocumentedResponses(List<String> documentPaths) {
        this.documentPaths = documentPaths;
    }

    /** Checks answers against the OpenAPI documents served at these paths (as JSON) by the host a request goes to. */
    public static DocumentedResponses fromDocumentsAt(String... documentPaths) {
        return new DocumentedResponses(List.of(documentPaths));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpecification,
                           FilterContext context) {
        Response response = context.next(request, responseSpecification);
        URI uri = URI.create(request.getURI());
        if (documentPaths.contains(uri.getPath())) {
            return response;
        }
        String call = request.getMethod() + " " + uri.getPath();
        int status = response.getStatusCode();
        String mediaType = response.getContentType() == null ? "" : response.getContentType().split(";")[0].trim();
        byte[] bytes = response.asByteArray();
        boolean json = (mediaType.equals("application/json") || mediaType.endsWith("+json")) && bytes.length > 0;
        JsonNode body = null;
        if (json) {
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError(call + " answered " + status + " with " + mediaType + " that is not JSON", e);
            }
            if (mediaType.equals("application/problem+json")) {
                checkTitleOfType(call, body);
            }
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        for (JsonNode document : documentsServedBy(origin)) {
            String server = document.path("servers").path(0).path("url").asText("");
            String prefix = server.startsWith("/") ? server.replaceAll("/$", "") : "";
            if (!uri.getPath().startsWith(prefix + "/")) {
                continue;
            }
            Optional<JsonNode> operation = operation(document, request.getMethod(), uri.getPath().substring(prefix.length()));
            if (operation.isEmpty()) {
                continue;
            }
            JsonNode responses = operation.get().path("responses");
            JsonNode documented = responses.has(String.valueOf(status)) ? responses.path(String.valueOf(status)) : responses.path("default");
            if (documented.isMissingNode()) {
                if (!ANY_OPERATION_MAY_ANSWER.contains(status)) {
                    throw new AssertionError(call + " answered " + status + ", which its OpenAPI operation "
                            + operation.get().path("operationId").asText() + " does not document (it documents " + names(responses, ", ")
                            + ")" + (body == null ? "" : "\nbody: " + body));
                }
            } else {
                JsonNode content = documented.path("content");
                if (bytes.length > 0 && !content.isEmpty() && !documentsMediaType(content, mediaType)) {
                    throw new AssertionError(call + " answered " + status + " as " + (mediaType.isEmpty() ? "no media type" : mediaType)
                            + ", which its OpenAPI operation " + operation.get().path("operationId").asText() + " documents as "
                            + names(content, " or ") + (body == null ? "" : "\nbody: " + body));
                }
                JsonNode schema = content.path(mediaType).path("schema");
                if (json && !schema.isMissingNode()) {
                    check(document, schema, call, status, body);
                }
            }
        }
        return response;
    }

    /** The keys of an OpenAPI map (statuses, media types), as a message lists them. */
    private static String names(JsonNode map, String separator) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        return String.join(separator, names);
    }

    /** Whether the documented content lists the media type, or a range covering it: "text/*", or the range of every type. */
    private static boolean documentsMediaType(JsonNode content, String mediaType) {
        return content.has(mediaType) || content.has("*/*") || content.has(mediaType.replaceAll("/.*", "/*"));
    }

    /**
     * The documents this origin serves: a service reached directly serves its own, not the gateway's (a 404). They are
     * kept once every one of them answered 200 or 404, and fetched again while one cannot be read (a service stopped
     * by a fault test), so that its answers are checked once it is back.
     */
    private List<JsonNode> documentsServedBy(String origin) {
        List<JsonNode> known = documents.get(origin);
        if (known != null) {
            return known;
        }
        Long notBefore = throttledUntil.get(origin);
        if (notBefore != null && System.nanoTime() - notBefore < 0) {
            return List.of();
        }
        List<JsonNode> served = new ArrayList<>();
        boolean complete = true;
        for (String path : documentPaths) {
            Response answer = given().baseUri(origin).queryParam("format", "json").get(path);
            if (answer.getStatusCode() == 429) {
                // A test used up the gateway's anonymous rate limit on purpose: asking again at once would only keep it
                // empty for the test's next anonymous request (a token request, say).
                long seconds = Math.max(1, Long.parseLong(Optional.ofNullable(answer.getHeader("Retry-After")).orElse("1")));
                throttledUntil.put(origin, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
                complete = false;
            } else if (answer.getStatusCode() == 200) {
                try {
                    served.add(JSON.readTree(answer.asByteArray()));
                } catch (IOException e) {
                    throw new IllegalStateException("The OpenAPI document at " + origin + path + " is not JSON", e);
                }
            } else {
                complete &= answer.getStatusCode() == 404;
            }
        }
        if (complete) {
            documents.put(origin, served);
        }
        return served;
    }

    /** The documents the service under test serves (RestAssured's base URI and port), read once as for its answers. */
    List<JsonNode> documentsOfServiceUnderTest() {
        return documentsServedBy(RestAssured.baseURI + ":" + RestAssured.port);
    }

    /** Where the body breaks the schema, none when it keeps it; the schema compiled once. */
    List<Error> errors(JsonNode document, JsonNode schema, JsonNode body) {
        return compiled.computeIfAbsent(schema, s -> compile(document, s)).validate(body);
    }

    private void check(JsonNode document, JsonNode schema, String call, int status, JsonNode body) {
        List<Error> errors = errors(document, schema, body);
        if (!errors.isEmpty()) {
            throw new AssertionError(call + " answered " + status + " with a body its OpenAPI schema refuses:\n  "
                    + errors.stream().map(Error::toString).distinct().collect(Collectors.joining("\n  ")) + "\nbody: " + body);
        }
    }

    private static void checkTitleOfType(String call, JsonNode problem) {
        String type = problem.path("type").asText();
        String title = problem.path("title").asText();
        String[] first = PROBLEM_TITLES.putIfAbsent(type, new String[] {title, call});
        if (first != null && !first[0].equals(title)) {
            throw new AssertionError(call + " answered problem type " + type + " titled '" + title + "', which "
                    + first[1] + " titled '" + first[0] + "': a problem type keeps one title (RFC 9457, section 3.1.4)");
        }
    }

    /** The schema, with the document's components beside it so that its "#/components/schemas/..." references resolve. */
    private static Schema compile(JsonNode document, JsonNode schema) {
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", document.path("components"));
        return SCHEMAS.getSchema(standalone);
    }

    /** The operation whose path template matches; a literal segment wins over a parameter ("/calls/open" over "/calls/{id}"). */
    private static Optional<JsonNode> operation(JsonNode document, String method, String path) {
        JsonNode paths = document.path("paths");
        return StreamSupport.stream(((Iterable<String>) paths::fieldNames).spliterator(), false)
                .filter(template -> TEMPLATES.computeIfAbsent(template, DocumentedResponses::templatePattern).matcher(path).matches())
                .min(Comparator.comparingLong(template -> PATH_PARAMETER.matcher(template).results().count()))
                .map(template -> paths.path(template).path(method.toLowerCase(Locale.ROOT)))
                .filter(operation -> !operation.isMissingNode());
    }

    /** "/calls/{id}" as a pattern matching "/calls/" then one path segment. */
    private static Pattern templatePattern(String template) {
        return Pattern.compile(PATH_PARAMETER.matcher(Pattern.quote(template)).replaceAll("\\\\E[^/]+\\\\Q"));
    }
}
