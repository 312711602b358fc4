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
        String instance = request == null ? null : "/" + stripLeadingSlash(request.getUriInfo().getPath());
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance,
                RequestCorrelation.requestId(request), errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
