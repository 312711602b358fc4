package org.stationf.aiprogram.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Three stand-in upstream services on loopback ports, which record what reaches them and answer as a service would
 * (echo, a problem, a slow answer, an OpenAPI document), plus an identity provider's JWKS. They can be stopped and
 * started again on the same port, to show the gateway's behaviour when a service goes away and comes back.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    public record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public static final List<String> NAMES = List.of("applications", "cohorts", "resources");
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    public static final Map<String, List<Seen>> SEEN = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : NAMES) {
            SEEN.put(name, new CopyOnWriteArrayList<>());
            start(name, 0);
            config.put("gateway.routes." + name + ".upstream", "http://127.0.0.1:" + PORTS.get(name));
            config.put("gateway.routes." + name + ".timeout", "PT2S");
        }
        config.put("gateway.oidc.issuer", "https://idp.example.test");
        config.put("gateway.oidc.jwks-url", "http://127.0.0.1:" + PORTS.get("applications") + "/idp/jwks");
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
        SERVERS.clear();
    }

    public static synchronized void stop(String name) {
        HttpServer server = SERVERS.remove(name);
        if (server != null) {
            server.stop(0);
        }
    }

    public static synchronized void start(String name) {
        start(name, PORTS.get(name));
    }

    private static synchronized void start(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.createContext("/", exchange -> answer(name, exchange));
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            SERVERS.put(name, server);
            PORTS.put(name, server.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start stub " + name, e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().toString();
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith("/q/") && !path.startsWith("/idp/")) {
            SEEN.get(name).add(new Seen(exchange.getRequestMethod(), uri, Map.copyOf(exchange.getRequestHeaders()), body));
        }
        switch (path) {
            case "/q/health/ready" -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
            case "/q/openapi" -> send(exchange, 200, "application/json", """
                    {"openapi": "3.0.3", "info": {"title": "%s", "version": "1"},
                     "paths": {"/things": {"get": {"summary": "List things", "security": [{"bearerToken": []}],
                                                    "responses": {"200": {"description": "OK"}}}}},
                     "components": {"securitySchemes": {"bearerToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
                                    "schemas": {"Problem": {"type": "object"}}}}"""
                    .formatted(name));
            case "/idp/jwks" -> send(exchange, 200, "application/json", testJwks());
            default -> {
                if (path.endsWith("/slow")) {
                    sleep(5000);
                    send(exchange, 200, "application/json", "{\"slow\": true}");
                } else if (path.endsWith("/trickle")) {
                    // Headers and the first bytes at once, the rest of the body 5 s later.
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("{\"trickle\": ".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        sleep(5000);
                        out.write("true}".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException callerGone) {
                        // The gateway closed the exchange: expected when its caller hung up.
                    }
                } else if (path.endsWith("/large")) {
                    send(exchange, 200, "application/json", "[" + String.join(",", java.util.Collections.nCopies(200,
                            "{\"partner\": \"SCALEWAY\", \"kind\": \"COMPUTE_CREDITS\", \"balance\": \"412.37\"}")) + "]");
                } else if (path.endsWith("/binary")) {
                    send(exchange, 200, "application/octet-stream", "x".repeat(4000));
                } else if (path.endsWith("/missing")) {
                    send(exchange, 404, "application/problem+json",
                            "{\"type\":\"urn:ai-startup-program:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
                } else if (path.endsWith("/conflict")) {
                    send(exchange, 409, "application/problem+json",
                            "{\"type\":\"urn:ai-startup-program:problem:deadline-passed\",\"title\":\"Deadline passed\",\"status\":409,\"deadline\":\"2023-12-01T23:59:59+01:00\"}");
                } else if (path.endsWith("/created")) {
                    exchange.getResponseHeaders().add("Location", "/things/42");
                    send(exchange, 201, "application/json", "{\"echo\": " + (body.isEmpty() ? "null" : body) + "}");
                } else {
                    send(exchange, 200, "application/json", "{\"upstream\": \"" + name + "\", \"method\": \"" + exchange.getRequestMethod()
                            + "\", \"uri\": \"" + uri + "\"}");
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        // Like the real services (RequestCorrelation), echo the request id.
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().add("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String testJwks() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyUtils.readPublicKey("test-keys/publicKey.pem");
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setKeyId("test-key");
            jwk.setAlgorithm("RS256");
            return "{\"keys\":[" + jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
