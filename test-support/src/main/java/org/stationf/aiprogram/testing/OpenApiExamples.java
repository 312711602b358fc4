package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The request body Swagger UI prefills when an admin clicks "Try it out", built the way Swagger UI builds it from the
 * served OpenAPI document: a schema's or property's example, else its first enum value, else its default, else a
 * placeholder of its type. Tests send it to show that the prefilled body of an operation just works.
 */
public final class OpenApiExamples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiExamples() {
    }

    /** The prefilled JSON body of an operation of the service under test, e.g. {@code requestBody("post", "/calls")}. */
    public static String requestBody(String method, String path) {
        JsonNode document = OpenApiContract.servedDocument();
        JsonNode schema = document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException(method.toUpperCase() + " " + path + " takes no JSON body");
        }
        return sample(schema, document.path("components").path("schemas"), 0).toString();
    }

    private static JsonNode sample(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode resolved = OpenApiContract.resolve(schema, schemas);
        for (JsonNode candidate : new JsonNode[] {schema, resolved}) {
            if (candidate.has("example")) {
                return candidate.get("example");
            }
            if (candidate.path("examples").isArray() && !candidate.path("examples").isEmpty()) {
                return candidate.path("examples").get(0);
            }
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return resolved.path("enum").get(0);
        }
        if (resolved.has("default")) {
            return resolved.get("default");
        }
        if (resolved.has("properties") && depth < 8) {
            ObjectNode object = JSON.objectNode();
            for (Map.Entry<String, JsonNode> property : (Iterable<Map.Entry<String, JsonNode>>) resolved.path("properties")::fields) {
                object.set(property.getKey(), sample(property.getValue(), schemas, depth + 1));
            }
            return object;
        }
        return switch (resolved.path("type").asText()) {
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                yield depth < 8 ? array.add(sample(resolved.path("items"), schemas, depth + 1)) : array;
            }
            case "object" -> JSON.objectNode();
            case "integer", "number" -> JSON.numberNode(0);
            case "boolean" -> JSON.booleanNode(true);
            default -> JSON.textNode(switch (resolved.path("format").asText()) {
                case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "date" -> "2026-01-01";
                default -> "string";
            });
        };
    }
}
