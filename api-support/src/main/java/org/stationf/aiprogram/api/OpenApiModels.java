package org.stationf.aiprogram.api;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Walking an OpenAPI model, for the suite's document filters. */
final class OpenApiModels {

    static final String COMPONENT_PREFIX = "#/components/schemas/";

    private OpenApiModels() {
    }

    static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(action));
        }
    }

    /** The schemas of an operation's answers, errors included. */
    static void answerSchemas(Operation operation, Consumer<Schema> schemas) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> contentSchemas(response.getContent(), schemas));
        }
    }

    /** The schemas of what a caller sends: the request body and the parameters. */
    static void requestSchemas(Operation operation, Consumer<Schema> schemas) {
        if (operation.getRequestBody() != null) {
            contentSchemas(operation.getRequestBody().getContent(), schemas);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().map(parameter -> parameter.getSchema()).filter(Objects::nonNull).forEach(schemas);
        }
    }

    /** The schemas nested directly in this one: properties, items, compositions. */
    static Stream<Schema> children(Schema schema) {
        return Stream.<Collection<Schema>>of(schema.getProperties() == null ? null : schema.getProperties().values(),
                        schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                        single(schema.getItems()), single(schema.getAdditionalPropertiesSchema()), single(schema.getNot()))
                .filter(Objects::nonNull).flatMap(Collection::stream).filter(Objects::nonNull);
    }

    /** The component a schema refers to, or null. */
    static String referencedComponent(Schema schema) {
        return schema.getRef() != null && schema.getRef().startsWith(COMPONENT_PREFIX) ? schema.getRef().substring(COMPONENT_PREFIX.length()) : null;
    }

    private static void contentSchemas(Content content, Consumer<Schema> schemas) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().filter(mediaType -> mediaType.getSchema() != null)
                    .forEach(mediaType -> schemas.accept(mediaType.getSchema()));
        }
    }

    private static List<Schema> single(Schema schema) {
        return schema == null ? null : List.of(schema);
    }
}
