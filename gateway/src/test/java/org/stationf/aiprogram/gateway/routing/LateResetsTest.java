package org.stationf.aiprogram.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy resets its request to a service when its caller hangs up before the answer is passed on; the connection
 * that carried it, back in the pool, must stay sound for the next request.
 */
class LateResetsTest {

    private HttpServer service;
    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"path\": \"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.setExecutor(Executors.newCachedThreadPool());
        service.start();
        vertx = Vertx.vertx();
        // One connection, kept alive: the next request is sure to reuse the one the answered request used.
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        service.stop(0);
    }

    @Test
    void aResetOnceTheAnswerHasArrivedLeavesTheConnectionToTheNextRequest() throws Exception {
        HttpClientRequest answered = LateResets.droppedOnceAnswered(request("/first"));
        assertThat(body(answered)).isEqualTo("{\"path\": \"/first\"}");

        HttpClientRequest next = request("/slow");
        var nextBody = next.send().compose(HttpClientResponse::body);
        // What the proxy does when it could not pass the first answer on: while the next request waits for its answer.
        assertThat(answered.reset()).isFalse();

        assertThat(nextBody.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).toString()).isEqualTo("{\"path\": \"/slow\"}");
    }

    @Test
    void aResetBeforeTheAnswerStillStopsTheExchange() throws Exception {
        HttpClientRequest inFlight = LateResets.droppedOnceAnswered(request("/slow"));
        var answer = inFlight.send();
        assertThat(inFlight.reset()).isTrue();

        assertThat(answer.toCompletionStage().toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
        assertThat(body(LateResets.droppedOnceAnswered(request("/after")))).isEqualTo("{\"path\": \"/after\"}");
    }

    private HttpClientRequest request(String path) throws Exception {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                        .setPort(service.getAddress().getPort()).setURI(path))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** Sends it and reads its whole answer; returns once the answer has ended for everyone listening to it. */
    private static String body(HttpClientRequest request) throws Exception {
        Buffer body = request.send().compose(response -> response.body().compose(read -> response.end().map(read)))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return body.toString();
    }
}
