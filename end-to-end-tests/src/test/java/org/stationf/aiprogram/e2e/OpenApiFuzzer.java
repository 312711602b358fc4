package org.stationf.aiprogram.e2e;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bad requests generated from an OpenAPI document: for every operation, wrong and missing path ids, wrong query values,
 * and request bodies with missing required fields, wrong types, unknown fields, unknown enum values, huge strings,
 * wrong shapes and malformed JSON. Each is a valid request made invalid in exactly one way.
 */
final class OpenApiFuzzer {

    record Case(String method, String path, Map<String, String> query, String contentType, String body, String why) {
    }

    /** An operation, the bad requests made for it, and the valid request they are each one change away from. */
    record Target(String method, String template, Operation operation, Case valid, List<Case> cases) {

        /**
         * Needs a token, unlike the gateway's sign-up, login, token and document operations (security: []) and its
         * logout, where a token is optional (an empty requirement among the alternatives: security: [{}, ...]).
         */
        boolean secured() {
            return operation.getSecurity() == null
                    || !operation.getSecurity().isEmpty() && operation.getSecurity().stream().noneMatch(Map::isEmpty);
        }
    }

    private static final int HUGE = 100_000;

    private OpenApiFuzzer() {
    }

    static List<Target> targets(String openApiJson, String serverPrefix) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(openApiJson, null, options).getOpenAPI();
        List<Target> targets = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (template.startsWith("/q/")) {
                return;
            }
            String path = serverPrefix + template;
            Map<String, String> ids = validPathIds(item, operation);
            Schema<?> bodySchema = jsonBody(operation);
            // The operation's request as its document describes it: ids of the right form, a body of the right shape.
            Case valid = new Case(method.name(), fill(path, ids), Map.of(), bodySchema == null ? null : "application/json",
                    bodySchema == null ? null : json(sample(bodySchema, 0)), "valid");
            targets.add(new Target(method.name(), path, operation, valid, cases(path, ids, valid, bodySchema, parameters(item, operation))));
        }));
        return targets;
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters;
    }

    private static Map<String, String> validPathIds(PathItem item, Operation operation) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Parameter parameter : parameters(item, operation)) {
            if ("path".equals(parameter.getIn())) {
                ids.put(parameter.getName(), UUID.randomUUID().toString());
            }
        }
        return ids;
    }

    /** Bad requests, each the valid one made wrong in one way. */
    private static List<Case> cases(String template, Map<String, String> validPath, Case validRequest, Schema<?> bodySchema,
                                    List<Parameter> parameters) {
        List<Case> cases = new ArrayList<>();
        String verb = validRequest.method();
        String validBody = validRequest.body();
        String bodyType = validRequest.contentType();
        String path = validRequest.path();

        for (String id : List.of("not-a-uuid", "0", "-1", "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000), "%00")) {
            for (String name : validPath.keySet()) {
                Map<String, String> bad = new LinkedHashMap<>(validPath);
                bad.put(name, id);
                cases.add(new Case(verb, fill(template, bad), Map.of(), bodyType, validBody, "path " + name + "=" + abbreviate(id)));
            }
        }
        if (!validPath.isEmpty()) {
            cases.add(new Case(verb, path, Map.of(), bodyType, validBody, "unknown ids"));
        }
        for (Parameter parameter : parameters) {
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            for (String value : List.of("NOT_A_VALUE", "-99999999999999", "abc", "x".repeat(5000), "%27", "true")) {
                cases.add(new Case(verb, path, Map.of(parameter.getName(), value), bodyType, validBody, "query " + parameter.getName() + "=" + abbreviate(value)));
            }
        }
        if (bodySchema != null) {
            Map<String, Object> valid = asMap(sample(bodySchema, 0));
            cases.add(new Case(verb, path, Map.of(), "application/json", "{}", "empty object"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "", "empty body"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "null", "null body"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "[]", "array instead of object"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "{\"a\": ", "malformed JSON"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "{\"a\": \"\\ud800\"}", "lone surrogate"));
            cases.add(new Case(verb, path, Map.of(), "text/plain", validBody, "wrong content type"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "[".repeat(5000) + "]".repeat(5000), "deeply nested JSON"));
            cases.add(new Case(verb, path, Map.of(), "application/json", "{\"a\": 1e400}", "number out of range"));
            if (valid != null) {
                Map<String, Object> extra = new LinkedHashMap<>(valid);
                extra.put("unexpectedField", "surprise");
                cases.add(new Case(verb, path, Map.of(), "application/json", json(extra), "extra field"));
                Map<String, Schema> properties = bodySchema.getProperties() == null ? Map.of() : bodySchema.getProperties();
                List<String> required = bodySchema.getRequired() == null ? List.of() : bodySchema.getRequired();
                for (String name : required) {
                    Map<String, Object> missing = new LinkedHashMap<>(valid);
                    missing.remove(name);
                    cases.add(new Case(verb, path, Map.of(), "application/json", json(missing), "missing " + name));
                    Map<String, Object> nulled = new LinkedHashMap<>(valid);
                    nulled.put(name, null);
                    cases.add(new Case(verb, path, Map.of(), "application/json", json(nulled), "null " + name));
                }
                properties.forEach((name, schema) -> {
                    Map<String, Object> wrong = new LinkedHashMap<>(valid);
                    wrong.put(name, wrongType(schema));
                    cases.add(new Case(verb, path, Map.of(), "application/json", json(wrong), "wrong type " + name));
                    if (schema.getEnum() != null) {
                        Map<String, Object> unknown = new LinkedHashMap<>(valid);
                        unknown.put(name, "NOT_AN_ENUM_VALUE");
                        cases.add(new Case(verb, path, Map.of(), "application/json", json(unknown), "unknown enum " + name));
                    }
                    Map<String, Object> nul = new LinkedHashMap<>(valid);
                    nul.put(name, "nul\u0000byte");
                    cases.add(new Case(verb, path, Map.of(), "application/json", json(nul), "NUL character in " + name));
                    if ("integer".equals(type(schema)) || "number".equals(type(schema))) {
                        Map<String, Object> negative = new LinkedHashMap<>(valid);
                        negative.put(name, -999999999999L);
                        cases.add(new Case(verb, path, Map.of(), "application/json", json(negative), "negative " + name));
                    }
                    if ("string".equals(type(schema)) && schema.getEnum() == null && schema.getFormat() == null) {
                        Map<String, Object> huge = new LinkedHashMap<>(valid);
                        huge.put(name, "x".repeat(HUGE));
                        cases.add(new Case(verb, path, Map.of(), "application/json", json(huge), "huge " + name));
                    }
                });
            }
        }
        return cases;
    }

    private static Schema<?> jsonBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType media = operation.getRequestBody().getContent().get("application/json");
        return media == null ? null : media.getSchema();
    }

    /** A value the schema accepts, as far as its types, formats and enums tell. */
    static Object sample(Schema<?> schema, int depth) {
        if (schema == null || depth > 4) {
            return null;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = type(schema);
        String format = schema.getFormat();
        switch (type == null ? "object" : type) {
            case "string":
                if ("uuid".equals(format)) {
                    return UUID.randomUUID().toString();
                }
                if ("date-time".equals(format)) {
                    return "2024-01-15T10:00:00Z";
                }
                if ("date-time-local".equals(format)) {
                    return "2024-01-15T10:00:00";
                }
                if ("date".equals(format)) {
                    return "2024-01-15";
                }
                if ("email".equals(format)) {
                    return "fuzz@example.com";
                }
                return "fuzz";
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "array":
                Schema<?> items = schema instanceof ArraySchema array ? array.getItems() : schema.getItems();
                Object item = sample(items, depth + 1);
                return item == null ? List.of() : List.of(item);
            default:
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> object.put(name, sample(property, depth + 1)));
                }
                return object;
        }
    }

    private static Object wrongType(Schema<?> schema) {
        String type = type(schema);
        if (type == null || "object".equals(type)) {
            return "not an object";
        }
        return switch (type) {
            case "string" -> Map.of("nested", List.of(1, 2, 3));
            case "integer", "number" -> "not a number";
            case "boolean" -> "maybe";
            case "array" -> "not an array";
            default -> 42;
        };
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (var entry : values.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return path;
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 24) + "…(" + value.length() + ")" : value;
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
