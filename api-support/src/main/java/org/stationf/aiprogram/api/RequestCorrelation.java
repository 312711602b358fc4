package org.stationf.aiprogram.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it sent a sane one) and a W3C trace id,
 * puts both in the logging context and echoes the request id in the response, so one request can be
 * followed from the gateway through every service's log.
 */
public class RequestCorrelation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    @ServerRequestFilter(preMatching = true)
    public void assignIds(ContainerRequestContext request) {
        String requestId = requestIdOr(request.getHeaderString(REQUEST_ID_HEADER));
        String traceId = traceIdOf(request.getHeaderString(TRACEPARENT_HEADER));
        request.setProperty(REQUEST_ID, requestId);
        request.setProperty(TRACE_ID, traceId);
        MDC.put(REQUEST_ID, requestId);
        MDC.put(TRACE_ID, traceId);
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID_HEADER, requestId);
        }
    }

    /** The request id of this request, or null outside of one. */
    public static String requestId(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(REQUEST_ID);
        return id != null ? id.toString() : (String) MDC.get(REQUEST_ID);
    }

    /** The caller's request id if it is a sane one (up to 128 letters, digits, '.', '_', ':', '-'), or a new one. */
    public static String requestIdOr(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : randomHex(16);
    }

    /** The trace id of a valid {@code traceparent}, or a new one. */
    public static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
        }
        return randomHex(16);
    }

    public static String randomHex(int bytes) {
        // Ids must be unique, not unpredictable: like OpenTelemetry's SDK, no SecureRandom (a lock and a read of
        // /dev/urandom on every request).
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
