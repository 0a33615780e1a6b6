package io.salespulse.gateway.client;

import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for a pooled connection: a deadline of its own, connections that come too late go back to the pool, and a
 * bounded wait queue beyond which requests are refused at once.
 */
class UpstreamClientsTest {
    private Vertx vertx;
    private HttpClient http;
    private int port;
    private final AtomicInteger served = new AtomicInteger();
    private final CompletableFuture<HttpServerResponse> held = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            served.incrementAndGet();
            if (request.path().equals("/hold")) {
                held.complete(request.response()); // answered when the test says so
            } else {
                request.response().end("fast");
            }
        });
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
                .actualPort();
        // One connection, so one held request exhausts the pool.
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void waitersPastTheirDeadlineFailAndThePoolServesTheNextRequestAtOnce() throws Exception {
        CompletableFuture<HttpClientResponse> holding = send("/hold", 1000);
        held.get(5, TimeUnit.SECONDS);

        List<CompletableFuture<HttpClientResponse>> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiters.add(send("/fast", 200));
        }
        long started = System.nanoTime();
        for (CompletableFuture<HttpClientResponse> waiter : waiters) {
            assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);

        held.get().end("held");
        assertThat(holding.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        // The 20 late waiters get the connection in turn and hand it straight back, unsent; a request idle-timing
        // out on it would keep this one waiting for 30 s.
        HttpClientResponse next = send("/fast", 1000).get(5, TimeUnit.SECONDS);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(served).hasValue(2);
    }

    @Test
    void pastTheWaitQueueARequestIsRefusedAtOnceAsA503WithRetryAfter() throws Exception {
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1).setMaxWaitQueueSize(2));
        CompletableFuture<HttpClientResponse> holding = send("/hold", 5000);
        held.get(5, TimeUnit.SECONDS);
        List<CompletableFuture<HttpClientResponse>> waiting = List.of(send("/fast", 5000), send("/fast", 5000));

        long started = System.nanoTime();
        CompletableFuture<HttpClientResponse> refused = send("/fast", 5000);
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> {
                    UpstreamFailure failure = UpstreamFailure.of(Upstream.INGEST, e.getCause());
                    assertThat(failure.status()).isEqualTo(503);
                    assertThat(failure.detail()).isEqualTo("The ingest service is busy; retry after 1 s");
                    assertThat(failure.headers()).containsEntry("Retry-After", "1");
                });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);

        held.get().end("held");
        assertThat(holding.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpClientResponse> waiter : waiting) {
            assertThat(waiter.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private CompletableFuture<HttpClientResponse> send(String path, long waitMs) {
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI(path)
                .setMethod(HttpMethod.GET).setIdleTimeout(30_000);
        return UpstreamClients.requestWithin(vertx, http, options, waitMs).compose(HttpClientRequest::send)
                .toCompletionStage().toCompletableFuture();
    }
}
