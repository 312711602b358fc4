package org.stationf.aiprogram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into problem+json: the caller always learns what was wrong,
 * and never sees a stack trace or an HTML page.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize maxFormFieldSize;

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(ProblemResponses.problem(e, request));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), messageOf(v)))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(400, "validation", "Invalid request", detail, errors, request);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class,
            StreamReadException.class})
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        // Valid JSON of the wrong shape (a field, or the whole body, of another type): a validation problem naming the
        // field, "request" for the body itself. Only syntax errors are "malformed JSON".
        if (e instanceof JsonMappingException mapping && !(e instanceof StreamReadException)) {
            String field = JsonPaths.of(mapping.getPath());
            String message = JsonPaths.explain(mapping);
            return ProblemResponses.of(400, "validation", "Invalid request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), request);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where + ": " + e.getOriginalMessage(), List.of(), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        return ProblemResponses.builder(401, "unauthenticated", "Authentication required",
                        "Send a valid bearer token in the Authorization header", List.of(), Map.of(), request)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request, ResourceInfo resource) {
        return ProblemResponses.of(403, "forbidden", "Forbidden", forbiddenDetail(resource), List.of(), request);
    }

    /** The roles the operation takes and those the token carries: a frontend developer sees which token to use. */
    private String forbiddenDetail(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null
                : Optional.ofNullable(method.getAnnotation(RolesAllowed.class)).orElse(resource.getResourceClass().getAnnotation(RolesAllowed.class));
        if (allowed == null) {
            return "Your token does not grant access to this operation";
        }
        String carried = identity.getRoles().stream().sorted().collect(Collectors.joining(", "));
        List<String> roles = List.of(allowed.value());
        String wanted = roles.size() == 1 ? roles.get(0)
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
        return "This operation takes a token with the role " + wanted + "; yours has " + (carried.isEmpty() ? "none" : carried);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + ProblemResponses.callerPath(request);
            case 405 -> request.getMethod() + " is not allowed on " + ProblemResponses.callerPath(request);
            case 406 -> "This resource answers application/json; check the Accept header";
            case 415 -> "Content-Type " + request.getMediaType() + " is not supported; send application/json";
            case 413 -> tooLarge(request);
            default -> e.getMessage();
        };
        ProblemResponses.StatusProblem problem = ProblemResponses.ofStatus(status);
        Response.ResponseBuilder response = ProblemResponses.builder(status, problem.slug(), problem.title(), detail, List.of(), Map.of(), request);
        if (e instanceof NotAllowedException) {
            response.header("Allow", String.join(", ", AllowedMethods.on(request.getUriInfo().getPath())));
        }
        return response.build();
    }

    /** A form is refused field by field, far below the body's limit: the caller is told which limit it passed. */
    private String tooLarge(ContainerRequestContext request) {
        if (request.getMediaType() != null && (request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return "A form field is longer than this API accepts: at most " + maxFormFieldSize.asLongValue() + " bytes each";
        }
        return ProblemResponses.bodyOverLimit(maxBodySize.asLongValue());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable while serving %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.toString());
            return ProblemResponses.builder(503, "database-unavailable", "Service temporarily unavailable",
                            "The service cannot reach its database; nothing was changed. Retry shortly.", List.of(), Map.of(), request)
                    .header("Retry-After", "5")
                    .build();
        }
        if (DatabaseFailures.isConcurrencyConflict(e)) {
            return ProblemResponses.of(409, "concurrent-modification", "Concurrent modification",
                    "Someone else changed this resource at the same time; read it again and retry", List.of(), request);
        }
        if (DatabaseFailures.isDataException(e)) {
            return ProblemResponses.of(400, "invalid-value", "Invalid value",
                    "The request holds a value that cannot be stored (a NUL character, a number out of range, a text too long)", List.of(), request);
        }
        if (DatabaseFailures.isUniqueViolation(e)) {
            return ProblemResponses.of(409, "conflict", "Conflict", "This resource already exists", List.of(), request);
        }
        LOG.errorf(e, "Unexpected failure serving %s %s", request.getMethod(), request.getUriInfo().getPath());
        return ProblemResponses.of(500, "internal", "Internal error",
                "The request failed unexpectedly; quote the requestId when reporting it", List.of(), request);
    }

    /**
     * A body the caller did not send is said as such: the constraint's "must not be null" would name nothing the
     * caller wrote.
     */
    static String messageOf(ConstraintViolation<?> violation) {
        return isWholeBody(violation) && violation.getInvalidValue() == null ? "is required: the request has no body" : violation.getMessage();
    }

    private static boolean isWholeBody(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR && node.getKind() != ElementKind.PARAMETER) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field as the caller wrote it: the path below the method parameter, e.g. {@code founders[0].email};
     * {@code request} for the body as a whole, whatever the Java parameter is called (only bodies are validated as
     * parameters: query and path parameters are read by {@link QueryParams} and typed ids).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                if (!parts.isEmpty() && node.getIndex() != null) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName();
            if (node.isInIterable() && !parts.isEmpty()) {
                String last = parts.get(parts.size() - 1);
                parts.set(parts.size() - 1, last + (node.getIndex() != null ? "[" + node.getIndex() + "]" : node.getKey() != null ? "[" + node.getKey() + "]" : ""));
            }
            parts.add(name);
        }
        return parts.isEmpty() ? "request" : String.join(".", parts);
    }

    static final class JsonPaths {
        private JsonPaths() {
        }

        static String of(List<JsonMappingException.Reference> path) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : path) {
                if (ref.getFieldName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return field.isEmpty() ? "request" : field.toString();
        }

        static String explain(JsonMappingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                return "is not a known field" + knownFields(unknown);
            }
            if (e instanceof InvalidFormatException format) {
                if (format.getTargetType() == String.class && format.getValue() instanceof String text && NulCharacters.in(text)) {
                    return NulCharacters.REFUSAL;
                }
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    return "must be one of " + Arrays.toString(target.getEnumConstants()) + ", was " + quote(format.getValue());
                }
                return "must be " + describe(target) + ", was " + quote(format.getValue());
            }
            if (e instanceof MismatchedInputException mismatch) {
                Class<?> target = mismatch.getTargetType();
                return target == null ? "has the wrong type" : "must be " + describe(target);
            }
            if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
                return instantiation.getCause().getMessage();
            }
            if (e.getCause() instanceof StreamReadException read) {
                // e.g. "Duplicate field 'name'" (StrictJsonTypes), found while reading the field's object.
                return "cannot be read: " + read.getOriginalMessage();
            }
            return "cannot be read";
        }

        private static String knownFields(UnrecognizedPropertyException e) {
            if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
                return "";
            }
            return "; known fields: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }

        private static String quote(Object value) {
            String text = String.valueOf(value);
            return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
        }

        private static String describe(Class<?> target) {
            if (target == null) {
                return "of another type";
            }
            if (target.isEnum()) {
                return "one of " + Arrays.toString(target.getEnumConstants());
            }
            return switch (target.getSimpleName()) {
                case "String" -> "a string";
                case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
                case "BigDecimal", "double", "Double", "float", "Float" -> "a number";
                case "boolean", "Boolean" -> "true or false";
                case "UUID" -> "a UUID";
                case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an ISO-8601 instant such as 2023-12-01T23:59:59+01:00";
                case "LocalDate" -> "an ISO-8601 date such as 2024-01-15";
                case "LocalDateTime" -> "an ISO-8601 local date-time such as 2023-12-01T23:59:59";
                case "ZoneId" -> "a time zone id such as Europe/Paris";
                case "Duration" -> "an ISO-8601 duration such as PT2H";
                // The API's words, never the server's class names.
                default -> target.isArray() || java.util.Collection.class.isAssignableFrom(target) ? "an array" : "a JSON object";
            };
        }
    }
}
