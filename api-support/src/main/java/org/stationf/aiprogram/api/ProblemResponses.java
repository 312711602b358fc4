package org.stationf.aiprogram.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds problem+json responses with the request's path and id filled in. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                              ContainerRequestContext request) {
        return builder(status, slug, title, detail, errors, Map.of(), request).build();
    }

    public static Response.ResponseBuilder builder(int status, String slug, String title, String detail,
                                                   List<Problem.FieldError> errors, Map<String, Object> extensions,
                                                   ContainerRequestContext request) {
        Problem problem = Problem.of(slug, title, status, detail, instanceOf(request),
                RequestCorrelation.requestId(request), errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** The body a refusal is answered with, for this request. */
    public static Problem problem(ProblemException refusal, ContainerRequestContext request) {
        return refusal.toProblem(instanceOf(request), RequestCorrelation.requestId(request));
    }

    private static String instanceOf(ContainerRequestContext request) {
        return request == null ? null : callerPath(request);
    }

    /**
     * The type and title of a refusal that is only its HTTP status, the same whichever layer answers it (RESTEasy's
     * mappers, the HTTP layer's fallbacks, a service's "does not exist"), and in the sentence case of every other title.
     */
    static StatusProblem ofStatus(int status) {
        return switch (status) {
            case 400 -> new StatusProblem("bad-request", "Bad request");
            case 404 -> new StatusProblem("not-found", "Not found");
            case 405 -> new StatusProblem("method-not-allowed", "Method not allowed");
            case 406 -> new StatusProblem("not-acceptable", "Not acceptable");
            case 413 -> new StatusProblem("payload-too-large", "Payload too large");
            case 414 -> new StatusProblem("uri-too-long", "URI too long");
            case 415 -> new StatusProblem("unsupported-media-type", "Unsupported media type");
            default -> new StatusProblem("http-" + status, "HTTP " + status);
        };
    }

    record StatusProblem(String slug, String title) {
    }

    /** The detail of a 413 for a body read past the limit, whose whole length is not known. */
    static String bodyOverLimit(long limit) {
        return "The request body is larger than this API accepts: at most " + limit + " bytes";
    }

    static String callerPath(ContainerRequestContext request) {
        // The path as the caller wrote it: behind the gateway the request URI carries its X-Forwarded-Prefix (/api/...),
        // as the gateway's own problems do; the bare resource path would point the caller at a URL that does not exist.
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
