package org.stationf.aiprogram.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The body of every error answer: RFC 9457 problem details, served as {@code application/problem+json}.
 * Extension members (a deadline, a balance) are written beside the standard ones.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details. Extension members such as `deadline` or `balance` "
        + "appear next to the standard ones when the problem names them.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record Problem(
        @Schema(description = "URI identifying the kind of problem", example = "urn:ai-startup-program:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(nullable = true, description = "What went wrong with this request", example = "2 fields are invalid")
        String detail,
        @Schema(nullable = true, description = "The request path the problem occurred on", example = "/applications/7d3c0f8e-2f4b-4c55-9b55-3b2f7a3f5d10/submit")
        String instance,
        @Schema(nullable = true, description = "The request id (X-Request-Id) to quote when asking for help", example = "2f1c7a0e5b6d4e1f")
        String requestId,
        @Schema(nullable = true, description = "For invalid input: every offending field and why")
        List<FieldError> errors,
        @Schema(hidden = true)
        @JsonAnyGetter
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:ai-startup-program:problem:";

    /** A problem of the suite's own kind {@code slug}: its type is {@code urn:ai-startup-program:problem:<slug>}. */
    public static Problem of(String slug, String title, int status, String detail, String instance, String requestId,
                             List<FieldError> errors, Map<String, Object> extensions) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, requestId, errors, extensions);
    }

    /** Whether this is the suite's problem {@code slug}. */
    public boolean is(String slug) {
        return (TYPE_PREFIX + slug).equals(type);
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the offending field in the request", example = "founders[0].email") String field,
            @Schema(description = "Why it was refused", example = "must be a well-formed email address") String message) {
    }
}
