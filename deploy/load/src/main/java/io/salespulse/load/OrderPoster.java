package io.salespulse.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Posts JSON bodies to the gateway on one Vert.x event loop, with as many keep-alive connections as requests may be
 * in flight. The order load sends hundreds of requests a second from the same two cores as the stack; the JDK HTTP
 * client spent about 1 ms of CPU on each, as much as channel-ingest, and so capped what a run could show.
 */
final class OrderPoster implements AutoCloseable {
    /** What the gateway answered. */
    record Answer(int status, String body) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;
    // Every request starts on this event loop's context: the response and its body are then handled on the thread
    // that reads them, and a body cannot end before its handler is set.
    private final Context loop = vertx.getOrCreateContext();
    private final URI base;
    private final Tokens tokens;

    OrderPoster(String baseUrl, Tokens tokens, int connections) {
        this.base = URI.create(baseUrl);
        this.tokens = tokens;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    CompletableFuture<Answer> post(String path, String json) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : 80)
                .setURI(path)
                // Silence, not the pool wait: every request has a connection (pool size = requests in flight), and
                // an acquisition timeout can race with a hand-over (eclipse-vertx/vert.x#6169).
                .setIdleTimeout(30_000)
                .putHeader("Authorization", tokens.bearer())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        loop.runOnContext(start -> http.request(options)
                .compose(request -> request.send(json))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                }));
        return answer;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
