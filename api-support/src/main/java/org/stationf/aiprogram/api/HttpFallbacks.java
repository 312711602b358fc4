package org.stationf.aiprogram.api;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * problem+json for what never reaches a REST resource: unknown paths, and bodies refused by the HTTP layer
 * (over the size limit) before any resource method runs.
 */
@Singleton
public class HttpFallbacks {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /**
     * Longest request line answered; longer ones get a 414 problem. The HTTP codec's own limit
     * (quarkus.http.limits.max-initial-line-length) must be higher, or it answers first with an empty 414.
     */
    @ConfigProperty(name = "program.http.max-uri-length", defaultValue = "4000")
    int maxUriLength;

    void install(@Observes Router router) {
        // Ahead of the HTTP layer's own check, which answers 413 with an empty body.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().uri().length() > maxUriLength) {
                write(context, 414,
                        "The request's path and query have " + context.request().uri().length() + " characters; at most " + maxUriLength);
                return;
            }
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBodySize.asLongValue()) {
                // The unread body would corrupt the next request on this connection: close it after answering.
                context.response().putHeader("Connection", "close");
                write(context, 413,
                        "The request body has " + length + " bytes; this API accepts at most " + maxBodySize.asLongValue());
            } else {
                context.next();
            }
        });
        // Right after Quarkus's own check (order -2), which leaves a body sent without a length to be counted as it is
        // read and its excess answered with an empty 413: StreamedBodyLimit counts a chunked one instead.
        router.route().order(-1).handler(context -> {
            if (context.request().headers().contains("Transfer-Encoding") && context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
                context.put(StreamedBodyLimit.LIMIT_KEY, maxBodySize.asLongValue());
            }
            context.next();
        });
        router.route().last().handler(context -> write(context, 404, "No resource at " + callerPath(context)));
        router.route().failureHandler(context -> {
            int status = context.statusCode();
            if (status == 413) {
                write(context, 413, "The request body is larger than this API accepts");
            } else if (status >= 400 && status < 500 && !context.response().headWritten()) {
                write(context, status, "The request was refused");
            } else {
                context.next();
            }
        });
    }

    /**
     * The path as the caller wrote it, like ProblemResponses' instance: the absolute URI carries the gateway's
     * X-Forwarded-Prefix (/api/...), the bare path does not. The path alone when the URI cannot be parsed.
     */
    private static String callerPath(RoutingContext context) {
        String absolute = context.request().absoluteURI();
        try {
            String path = absolute == null ? null : URI.create(absolute).getRawPath();
            return path == null || path.isEmpty() ? context.request().path() : path;
        } catch (IllegalArgumentException unparseable) {
            return context.request().path();
        }
    }

    private static void write(RoutingContext context, int status, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        String requestId = RequestCorrelation.requestIdOr(context.request().getHeader(RequestCorrelation.REQUEST_ID_HEADER));
        ProblemResponses.StatusProblem kind = ProblemResponses.ofStatus(status);
        Problem problem = Problem.of(kind.slug(), kind.title(), status, detail, callerPath(context), requestId, List.of(), Map.of());
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestCorrelation.REQUEST_ID_HEADER, requestId)
                .end(Json.encode(problem));
    }
}
