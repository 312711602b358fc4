package org.stationf.aiprogram.gateway.routing;

import io.quarkus.scheduler.Scheduled;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness with each upstream's state: whether its own readiness answered 200 at the last probe (every few seconds),
 * and its circuit. The gateway is ready while at least one upstream is; it answers 503 problems for the others.
 */
@Readiness
@ApplicationScoped
public class UpstreamHealth implements HealthCheck {

    @Inject
    RouteTable routes;

    @Inject
    ProxyRoutes proxy;

    private final Map<String, String> lastProbe = new ConcurrentHashMap<>();

    @Scheduled(every = "PT5S", delayed = "PT1S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        for (RouteTable.Upstream upstream : routes.upstreams()) {
            proxy.client(upstream.name()).request(new RequestOptions().setMethod(HttpMethod.GET)
                            .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl())
                            .setURI("/q/health/ready").setConnectTimeout(2000).setIdleTimeout(2000))
                    .compose(request -> request.send())
                    .onSuccess(response -> {
                        lastProbe.put(upstream.name(), response.statusCode() == 200 ? "UP" : "DOWN (readiness " + response.statusCode() + ")");
                        response.body();
                    })
                    .onFailure(failure -> lastProbe.put(upstream.name(), "DOWN (" + failure.getClass().getSimpleName() + ")"));
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Upstreams");
        boolean anyUp = false;
        for (RouteTable.Upstream upstream : routes.upstreams()) {
            String probe = lastProbe.getOrDefault(upstream.name(), "UNKNOWN (not probed yet)");
            CircuitBreakerState circuit = proxy.breakerState(upstream.name());
            anyUp |= !probe.startsWith("DOWN");
            response.withData(upstream.name(), probe + ", circuit " + circuit + ", " + upstream.route().upstream());
        }
        return response.status(anyUp).build();
    }
}
