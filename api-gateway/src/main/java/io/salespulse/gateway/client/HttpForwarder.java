package io.salespulse.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.salespulse.gateway.config.GatewayConfig;
import io.salespulse.gateway.domain.RequestIds;
import io.salespulse.gateway.domain.Upstream;
import io.salespulse.gateway.rest.EdgeFilters;
import io.salespulse.gateway.rest.ProblemResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Forwards one HTTP request to a service with vertx-http-proxy's ProxyRequest/ProxyResponse, which stream both
 * bodies and drop hop-by-hop headers. Used at that level rather than as a ready-made HttpProxy handler so that
 * each request's route, request id and trace context are at hand, and every failure becomes a problem+json.
 */
@ApplicationScoped
public class HttpForwarder {
    private final UpstreamClients clients;
    private final TraceHeaders traceHeaders;
    private final ProblemResponses problems;
    private final MeterRegistry registry;
    private final long maxBodyBytes;

    public HttpForwarder(UpstreamClients clients, TraceHeaders traceHeaders, ProblemResponses problems,
                         MeterRegistry registry, GatewayConfig config) {
        this.clients = clients;
        this.traceHeaders = traceHeaders;
        this.problems = problems;
        this.registry = registry;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    /**
     * @param ctx          the request, paused since it arrived so that no body bytes are lost while the token
     *                     was checked
     * @param traceContext the OpenTelemetry context of the gateway's server span
     */
    public void forward(RoutingContext ctx, Upstream upstream, String upstreamPath, Context traceContext) {
        HttpServerRequest request = ctx.request();
        UpstreamTarget target = clients.target(upstream);
        String requestId = EdgeFilters.requestId(ctx);

        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.setURI(target.uri(upstreamPath, request.query()));
        // The service sees its own host; the public one travels in X-Forwarded-Host.
        proxyRequest.setAuthority(target.authority());
        LimitedBody body = new LimitedBody(request, maxBodyBytes);
        proxyRequest.setBody(Body.body(body, declaredLength(request)));
        // The Authorization header is forwarded as it came: every service validates the token again.
        ForwardedHeaders.apply(proxyRequest.headers(), request);
        proxyRequest.headers().set(RequestIds.HEADER, requestId);
        // The gateway already answered any "Expect: 100-continue"; the service must not wait for one.
        proxyRequest.headers().remove(HttpHeaders.EXPECT);
        traceHeaders.inject(traceContext, proxyRequest.headers());

        Timer.Sample sample = Timer.start(registry);
        clients.request(target)
                .compose(upstreamRequest -> {
                    // Failures also fail the response future, which answers the client; this only keeps Vert.x
                    // from logging an aborted upload as an unhandled error.
                    upstreamRequest.exceptionHandler(e -> Log.debugf("Request %s to %s: %s", requestId, upstream, e));
                    return proxyRequest.send(upstreamRequest);
                })
                .onComplete(sent -> {
                    if (sent.succeeded()) {
                        ProxyResponse response = sent.result();
                        record(sample, upstream, Integer.toString(response.getStatusCode()));
                        response.send().onFailure(e -> Log.debugf("Response of %s to %s %s broke off: %s",
                                upstream, request.method(), request.path(), e.toString()));
                        return;
                    }
                    proxyRequest.release();
                    if (body.exceeded()) {
                        record(sample, upstream, "413");
                        problems.payloadTooLarge(ctx, maxBodyBytes);
                        return;
                    }
                    UpstreamFailure failure = UpstreamFailure.of(upstream, sent.cause());
                    record(sample, upstream, Integer.toString(failure.status()));
                    if (failure.status() == 503) {
                        // Shed under overload, possibly thousands a second: counted in gateway.upstream.requests.
                        Log.debugf("%s %s -> %s shed (request %s): %s", request.method(), request.path(), upstream,
                                requestId, sent.cause().toString());
                    } else {
                        Log.warnf("%s %s -> %s %s failed (request %s): %s", request.method(), request.path(),
                                upstream, target, requestId, sent.cause().toString());
                    }
                    problems.send(ctx, failure.status(), failure.title(), failure.detail(), failure.headers());
                });
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null ? -1 : Long.parseLong(length.trim()); // validated by EdgeFilters
    }

    private void record(Timer.Sample sample, Upstream upstream, String status) {
        sample.stop(Timer.builder("gateway.upstream.requests")
                .description("Requests proxied to a service, by service and answer")
                .tag("upstream", upstream.name().toLowerCase())
                .tag("status", status)
                .register(registry));
    }
}
