package org.stationf.aiprogram.gateway.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every API answer is about one caller (its applications, its grants, a client secret shown once), so no browser or
 * intermediary cache may keep it: an answer that states no caching policy of its own leaves the gateway with
 * {@code Cache-Control: no-store} (OWASP REST Security Cheat Sheet; RFC 6749 asks it of token answers). Answers that
 * state one keep it (the JWKS is public for five minutes, the API documents are revalidated). Quarkus' own paths under
 * /q (Swagger UI's files, health, metrics) are left as Quarkus serves them.
 */
@Singleton
public class NoStoreByDefault {

    void install(@Observes Router router) {
        router.route().order(-2).handler(context -> {
            if (!context.normalizedPath().startsWith("/q/")) {
                HttpServerResponse response = context.response();
                context.addHeadersEndHandler(headersSent -> {
                    if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    }
                });
            }
            context.next();
        });
    }
}
