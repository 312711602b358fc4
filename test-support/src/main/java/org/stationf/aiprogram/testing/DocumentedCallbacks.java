package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a service sends out of band (a partner's webhook) held to the callbacks its OpenAPI document gives the operation
 * that sets where it goes: a partner builds its endpoint from them, so a body none of them describes is a broken promise.
 */
public final class DocumentedCallbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentedCallbacks() {
    }

    /**
     * Fails unless one of the callbacks of the operation {@code operationId}, in the document the service under test
     * serves, POSTs a body of this media type whose schema accepts {@code body}.
     */
    public static void assertSentAsDocumented(String operationId, String mediaType, String body) {
        DocumentedResponses documented = DocumentedResponses.SERVED_DOCUMENT;
        JsonNode document = documented.documentsOfServiceUnderTest().stream().findFirst()
                .orElseThrow(() -> new AssertionError("The service under test serves no OpenAPI document"));
        JsonNode sent;
        try {
            sent = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> callback : callbacksOf(document, operationId)) {
            for (JsonNode pathItem : callback.getValue()) {
                JsonNode schema = pathItem.path("post").path("requestBody").path("content").path(mediaType).path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                List<Error> errors = documented.errors(document, schema, sent);
                if (errors.isEmpty()) {
                    return;
                }
                refusals.add(callback.getKey() + ": " + errors.stream().map(Error::toString).distinct().collect(Collectors.joining("; ")));
            }
        }
        throw new AssertionError("No callback of " + operationId + " documents this " + mediaType + " body"
                + (refusals.isEmpty() ? "" : ":\n  " + String.join("\n  ", refusals)) + "\nbody: " + body);
    }

    private static Iterable<Map.Entry<String, JsonNode>> callbacksOf(JsonNode document, String operationId) {
        for (JsonNode pathItem : document.path("paths")) {
            for (JsonNode operation : pathItem) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    return operation.path("callbacks")::fields;
                }
            }
        }
        throw new AssertionError("The served document has no operation " + operationId);
    }
}
