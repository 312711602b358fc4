package org.stationf.aiprogram.gateway.routing;

import io.vertx.core.http.HttpClientRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works around eclipse-vertx/vert.x#6294, present in the Vert.x 4.5.27 that Quarkus 3.33.2 brings: resetting an
 * HTTP/1.1 request whose answer has already arrived closes its connection, which by then may be back in the pool and
 * carrying the next request, so that one fails with HttpClosedException. vertx-http-proxy resets the request to the
 * service whenever it cannot pass the answer on to a caller that hung up; the next caller, who did nothing wrong, got a
 * 503 (seen in the benchmarks when wrk stops with requests in flight), and a POST it sent may have been carried out.
 */
final class LateResets {

    private LateResets() {
    }

    /** The request, as the proxy gets it: a reset once its answer has fully arrived is dropped; an earlier one acts. */
    static HttpClientRequest droppedOnceAnswered(HttpClientRequest request) {
        AtomicBoolean answered = new AtomicBoolean();
        request.response().onSuccess(response -> response.end().onSuccess(ended -> answered.set(true)));
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(), new Class<?>[]{HttpClientRequest.class},
                (self, method, arguments) -> {
                    if (method.getName().equals("reset") && answered.get()) {
                        return false;
                    }
                    try {
                        Object result = method.invoke(request, arguments);
                        // The fluent setters answer the request itself: the proxy keeps calling through this wrapper.
                        return result == request ? self : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
