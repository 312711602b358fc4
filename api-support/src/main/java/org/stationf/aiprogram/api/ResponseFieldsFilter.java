package org.stationf.aiprogram.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells clients which fields of an answer they can count on. Every field of a schema that only answers use (never a
 * request body or parameter) is {@code required}, except those declared {@code @Schema(nullable = true)}: those may
 * be null (or left out), the rest are always present and never null, so a generated client types them as such instead
 * of making every field optional. Schemas that requests use too keep what their constraints say ({@code @NotNull}),
 * since there "required" means what a caller must send. The tests hold every answer to this (test-support's
 * DocumentedResponses).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ResponseFieldsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Schema> answered = new ArrayList<>();
        List<Schema> sent = new ArrayList<>();
        OpenApiModels.forEachOperation(openAPI, operation -> {
            OpenApiModels.answerSchemas(operation, answered::add);
            OpenApiModels.requestSchemas(operation, sent::add);
        });
        Set<String> answerOnly = reachable(answered, components);
        answerOnly.removeAll(reachable(sent, components));
        answerOnly.stream().map(components::get).filter(Objects::nonNull).forEach(ResponseFieldsFilter::requireNonNullableFields);
    }

    private static void requireNonNullableFields(Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.getProperties().forEach((name, property) -> {
            if (isNullable(property)) {
                // SmallRye keeps "type: object" beside "anyOf: [{$ref}, {type: null}]" on an annotated reference: a null would fail it.
                if (property.getAnyOf() != null && property.getType() != null) {
                    property.setType(null);
                }
            } else {
                required.add(name);
            }
        });
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static boolean isNullable(Schema property) {
        return hasNullType(property) || (property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(ResponseFieldsFilter::hasNullType));
    }

    private static boolean hasNullType(Schema schema) {
        return schema.getType() != null && schema.getType().contains(SchemaType.NULL);
    }

    /** The names of the component schemas these schemas refer to, directly or through other components. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String name = OpenApiModels.referencedComponent(schema);
            if (name != null && names.add(name) && components.get(name) != null) {
                pending.push(components.get(name));
            }
            OpenApiModels.children(schema).forEach(pending::push);
        }
        return names;
    }
}
