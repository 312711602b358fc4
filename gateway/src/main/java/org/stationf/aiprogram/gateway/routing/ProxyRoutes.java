package org.stationf.aiprogram.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.RequestCorrelation;
import org.stationf.aiprogram.gateway.GatewayConfig;
import org.stationf.aiprogram.gateway.identity.ExternalTokenExchange;
import org.stationf.aiprogram.gateway.identity.GatewayTokenMechanism;
import org.stationf.aiprogram.gateway.identity.InvalidTokenException;
import org.stationf.aiprogram.gateway.identity.TokenVerifier;
import org.stationf.aiprogram.gateway.identity.VerifiedToken;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The public routes: each request under a configured prefix gets a request id and a trace context, its bearer token
 * checked, its client's rate limit applied, and is streamed to its upstream through Vert.x's reverse proxy, which
 * passes the upstream's status, headers and body back untouched. Each upstream has its own circuit breaker: while an
 * upstream is unreachable or failing, callers get a 503 problem naming it at once instead of waiting.
 */
@Singleton
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger("gateway.access");
    private static final Set<HttpMethod> IDEMPOTENT_WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<Integer> UPSTREAM_FAILURES = Set.of(502, 503, 504);
    private static final int CALLER_HUNG_UP = 499;

    /** Forwarding headers the gateway does not set itself: what a caller sends in them is dropped, not passed on. */
    private static final List<String> UNVOUCHED_FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-Port", "X-Forwarded-Ssl",
            "X-Forwarded-Server", "X-Forwarded-Trusted-Proxy");
    /** Where Quarkus' HTTP metrics read a request's URI tag (what RESTEasy sets to its resource template). */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";
    /** The normalized path the request was routed by: what the upstream is asked for (never the raw, dotted path). */
    private static final String ROUTED_PATH = "gateway.routedPath";
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{0,39}(\\.[a-z]{2,4})?");

    @Inject
    Vertx vertx;

    @Inject
    RouteTable routes;

    @Inject
    TokenVerifier verifier;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ExternalTokenExchange externalTokens;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.compress-media-types")
    Set<String> compressedMediaTypes;

    private final Map<String, HttpProxy> proxies = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        for (RouteTable.Upstream upstream : routes.upstreams()) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setMaxPoolSize(64)
                    .setConnectTimeout((int) upstream.route().connectTimeout().toMillis()));
            CircuitBreaker breaker = CircuitBreaker.create("upstream-" + upstream.name(), vertx, new CircuitBreakerOptions()
                    .setMaxFailures(config.breaker().maxFailures())
                    .setResetTimeout(config.breaker().resetTimeout().toMillis())
                    .setTimeout(-1)
                    .setFallbackOnFailure(false));
            breaker.openHandler(v -> LOG.warnf("Circuit to %s OPEN: answering 503 for %s", upstream.name(), config.breaker().resetTimeout()));
            breaker.closeHandler(v -> LOG.infof("Circuit to %s CLOSED: %s answers again", upstream.name(), upstream.name()));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> connect(client, upstream, context.request().getMethod(), 0))
                    .addInterceptor(new UpstreamInterceptor(upstream, breaker));
            clients.put(upstream.name(), client);
            breakers.put(upstream.name(), breaker);
            proxies.put(upstream.name(), proxy);
        }
        router.route("/api/*").handler(this::handle);
        // Swagger UI's files (its bundle is 1.4 MB of JavaScript) and the gateway's own API document are served by
        // Quarkus' static handlers, which it leaves uncompressed; nothing there is secret, so they are compressed too.
        router.route("/q/*").order(-1).handler(context -> {
            context.addHeadersEndHandler(headersSent -> allowCompression(context.response()));
            context.next();
        });
    }

    public CircuitBreakerState breakerState(String upstream) {
        CircuitBreaker breaker = breakers.get(upstream);
        return breaker == null ? null : breaker.state();
    }

    public HttpClient client(String upstream) {
        return clients.get(upstream);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        RouteTable.Upstream upstream = routes.match(context.normalizedPath()).orElse(null);
        if (upstream == null) {
            context.next();
            return;
        }
        request.pause();
        Context requestContext = Vertx.currentContext();
        requestContext.putLocal(METRICS_PATH_TEMPLATE, pathTemplate(context.normalizedPath()));
        requestContext.putLocal(ROUTED_PATH, context.normalizedPath());
        String requestId = RequestCorrelation.requestIdOr(request.getHeader(RequestCorrelation.REQUEST_ID_HEADER));
        String traceId = RequestCorrelation.traceIdOf(request.getHeader(RequestCorrelation.TRACEPARENT_HEADER));
        request.headers().set(RequestCorrelation.REQUEST_ID_HEADER, requestId);
        request.headers().set(RequestCorrelation.TRACEPARENT_HEADER, "00-" + traceId + "-" + RequestCorrelation.randomHex(8) + "-01");
        context.response().putHeader(RequestCorrelation.REQUEST_ID_HEADER, requestId);
        context.addHeadersEndHandler(headersSent -> {
            allowCompression(context.response());
            if (namesNoOperation(context.response().getStatusCode())) {
                requestContext.putLocal(METRICS_PATH_TEMPLATE, routeTemplate(context.normalizedPath()));
            }
        });
        long started = System.nanoTime();
        // A caller that hangs up before the answer is logged with 499 (nginx's "client closed request"), not the default 200.
        // Concatenated rather than infof: java.util.Formatter alone took 5 % of the gateway's CPU samples under load (JFR).
        context.addEndHandler(done -> LOG.info(request.method() + " " + request.uri() + " -> " + upstream.name() + " "
                + (done.failed() || context.response().closed() ? CALLER_HUNG_UP : context.response().getStatusCode())
                + " in " + (System.nanoTime() - started) / 1_000_000 + " ms [req=" + requestId + " trace=" + traceId + "]"));

        String token = GatewayTokenMechanism.bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            admit(context, upstream, null, requestId);
        } else if (verifier.mayBlock(token)) {
            // An external provider's token: its keys may be fetched, and the services' equivalent signed, off the event loop.
            vertx.<VerifiedToken>executeBlocking(() -> {
                VerifiedToken external = verifier.verify(token);
                externalTokens.forServices(external);
                return external;
            }, false).onComplete(result -> {
                if (result.succeeded()) {
                    admit(context, upstream, result.result(), requestId);
                } else {
                    refuseToken(context, result.cause().getMessage(), requestId);
                }
            });
        } else {
            try {
                admit(context, upstream, verifier.verify(token), requestId);
            } catch (InvalidTokenException e) {
                refuseToken(context, e.getMessage(), requestId);
            }
        }
    }

    /**
     * With compression on, Quarkus marks every answer {@code Content-Encoding: identity} and lifts that only for its
     * own resources; a service's answer of a compressible type (one the service did not encode itself), and Swagger UI's
     * files, are compressed here, at the edge, for callers that accept it.
     */
    private void allowCompression(HttpServerResponse response) {
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        if (compressedMediaTypes.contains(mediaType)
                && response.headers().getAll(HttpHeaders.CONTENT_ENCODING).stream().allMatch("identity"::equalsIgnoreCase)) {
            response.headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
    }

    /**
     * The path as a metrics tag: every segment that is not a lowercase word (ids, codes, dates) becomes {id}, so an
     * operation is one time series (/api/calls/{id}/publish), not one per object the callers ever named.
     */
    static String pathTemplate(String path) {
        StringBuilder template = new StringBuilder(path.length());
        for (String segment : path.substring(1).split("/", -1)) {
            template.append('/').append(segment.isEmpty() || WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return template.toString();
    }

    /**
     * Answers that say nothing of an operation (no valid token, no such path, too large, too many requests): any path
     * gets them, so they are counted per route; tagged with the path, a scanner would create a time series per path it
     * tried and use up the metrics' allowance of URI tags, after which operations that are really used go uncounted.
     */
    static boolean namesNoOperation(int status) {
        return status == 401 || status == 404 || status == 413 || status == 429;
    }

    /** The public prefix the path was routed by, as a metrics tag: /api/calls/** for /api/calls/anything. */
    private String routeTemplate(String path) {
        return routes.prefixOf(path).orElse("/api") + "/**";
    }

    private void admit(RoutingContext context, RouteTable.Upstream upstream, VerifiedToken token, String requestId) {
        String key = token != null ? token.rateLimitKey() : "address:" + RateLimiter.addressOf(context);
        RateLimiter.Decision decision = rateLimiter.tryAcquire(key);
        context.response().putHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
        context.response().putHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, decision.remaining())));
        if (!decision.allowed()) {
            ProblemException refusal = decision.refusal("The rate limit of " + config.rateLimit().requestsPerMinute()
                    + " requests per minute (bursts of " + decision.limit() + ") is reached");
            refusal.headers().forEach((name, value) -> context.response().putHeader(name, value));
            reply(context, 429, Json.encode(refusal.toProblem(context.request().path(), requestId)));
            return;
        }
        HttpServerRequest request = context.request();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = RateLimiter.addressOf(context);
        request.headers().set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        request.headers().set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            request.headers().set("X-Forwarded-Host", request.authority().toString());
        } else {
            request.headers().remove("X-Forwarded-Host");
        }
        // The services build their Location URLs from these; a caller's own would point them at another port, scheme or host.
        UNVOUCHED_FORWARDING_HEADERS.forEach(request.headers()::remove);
        request.headers().set("X-Forwarded-Prefix", upstream.route().stripPrefix());
        if (token != null && token.external()) {
            request.headers().set("Authorization", "Bearer " + externalTokens.forServices(token));
        }
        proxies.get(upstream.name()).handle(request);
    }

    private void refuseToken(RoutingContext context, String reason, String requestId) {
        context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + reason.replace("\"", "'") + "\"");
        reply(context, 401, Problems.json(401, "unauthenticated", "Authentication required", "The bearer token is refused: " + reason,
                context.request().path(), requestId, Map.of()));
    }

    private static void reply(RoutingContext context, int status, String problem) {
        context.request().resume();
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem);
    }

    /** Connects to the upstream; GET, HEAD and OPTIONS retry a failed connection with a short backoff (no byte was sent). */
    private Future<HttpClientRequest> connect(HttpClient client, RouteTable.Upstream upstream, HttpMethod method, int attempt) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl())
                .setConnectTimeout(upstream.route().connectTimeout().toMillis())
                .setIdleTimeout(upstream.route().timeout().toMillis());
        return client.request(options).map(request -> LateResets.droppedOnceAnswered(quietOnReset(request))).recover(failure -> {
            if (!IDEMPOTENT_WITHOUT_BODY.contains(method) || attempt >= upstream.route().retries()) {
                return Future.failedFuture(failure);
            }
            Promise<HttpClientRequest> retry = Promise.promise();
            vertx.setTimer(100L << attempt, timer -> connect(client, upstream, method, attempt + 1).onComplete(retry));
            return retry.future();
        });
    }

    /**
     * When the caller hangs up, the proxy resets the exchange with the upstream; Vert.x would log that reset as an
     * unhandled ERROR. The outcome is already in the access line (499), and a failing upstream is answered and counted
     * by the interceptor, so these streams' own exceptions are only worth a debug line.
     */
    private static HttpClientRequest quietOnReset(HttpClientRequest upstreamRequest) {
        upstreamRequest.exceptionHandler(failure -> LOG.debugf("Upstream request %s ended early: %s", upstreamRequest.getURI(), failure));
        upstreamRequest.response().onSuccess(response ->
                response.exceptionHandler(failure -> LOG.debugf("Upstream answer to %s ended early: %s", upstreamRequest.getURI(), failure)));
        return upstreamRequest;
    }

    /** Forwards to one upstream: path rewritten, circuit breaker around the exchange, failures answered as problems. */
    private static final class UpstreamInterceptor implements ProxyInterceptor {

        private final RouteTable.Upstream upstream;
        private final CircuitBreaker breaker;

        UpstreamInterceptor(RouteTable.Upstream upstream, CircuitBreaker breaker) {
            this.upstream = upstream;
            this.breaker = breaker;
        }

        /** The gateway already answers with the request id; the service's echo of it would make the header appear twice. */
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().remove(RequestCorrelation.REQUEST_ID_HEADER);
            return context.sendResponse();
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String query = context.request().proxiedRequest().query();
            String routedPath = Vertx.currentContext().getLocal(ROUTED_PATH);
            context.request().setURI(upstream.forwardedPath(routedPath) + (query == null ? "" : "?" + query));
            return breaker.<ProxyResponse>execute(promise -> context.sendRequest().onComplete(result -> {
                if (result.failed() && context.request().proxiedRequest().response().closed()) {
                    // The caller hung up: not the upstream's failure, and nobody is left to answer.
                    promise.complete(context.request().response().setStatusCode(CALLER_HUNG_UP));
                } else if (result.failed()) {
                    promise.fail(result.cause());
                } else if (UPSTREAM_FAILURES.contains(result.result().getStatusCode())) {
                    promise.fail(new UpstreamFailed(result.result()));
                } else {
                    promise.complete(result.result());
                }
            })).recover(failure -> Future.succeededFuture(answer(context, failure)));
        }

        private ProxyResponse answer(ProxyContext context, Throwable failure) {
            if (failure instanceof UpstreamFailed failed) {
                return failed.response;
            }
            String requestId = context.request().headers().get(RequestCorrelation.REQUEST_ID_HEADER);
            String path = context.request().proxiedRequest().path();
            if (failure instanceof OpenCircuitException) {
                return problem(context, 503, "upstream-unavailable", "Service unavailable",
                        upstream.name() + " is failing; the gateway stops calling it for a few seconds. Retry shortly.", path, requestId);
            }
            boolean timeout = failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout");
            if (timeout) {
                return problem(context, 504, "upstream-timeout", "Upstream timeout",
                        upstream.name() + " did not answer within " + upstream.route().timeout().toSeconds() + " s", path, requestId);
            }
            return problem(context, 503, "upstream-unavailable", "Service unavailable",
                    upstream.name() + " cannot be reached (" + failure.getClass().getSimpleName() + "). Retry shortly.", path, requestId);
        }

        private ProxyResponse problem(ProxyContext context, int status, String slug, String title, String detail, String path, String requestId) {
            String body = Problems.json(status, slug, title, detail, path, requestId, Map.of("upstream", upstream.name()));
            ProxyResponse response = context.request().response()
                    .setStatusCode(status)
                    .setStatusMessage(status == 504 ? "Gateway Timeout" : "Service Unavailable")
                    .setBody(Body.body(Buffer.buffer(body)));
            response.headers().clear();
            response.putHeader("Content-Type", Problem.MEDIA_TYPE);
            response.putHeader("Retry-After", "5");
            return response;
        }
    }

    /** The upstream answered, with a status that counts as its failure (502-504); the answer still goes to the caller. */
    private static final class UpstreamFailed extends RuntimeException {
        final transient ProxyResponse response;

        UpstreamFailed(ProxyResponse response) {
            super("upstream answered " + response.getStatusCode(), null, false, false);
            this.response = response;
        }
    }
}
