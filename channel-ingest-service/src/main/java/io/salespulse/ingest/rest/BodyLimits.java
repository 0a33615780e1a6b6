package io.salespulse.ingest.rest;

import io.salespulse.ingest.config.IngestConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Two body limits in one server: POS uploads may be large (quarkus.http.limits.max-body-size, 200 MB, streamed),
 * everything else is small JSON (ingest.max-json-body-size, 1 MB). Quarkus has one limit per server, so this route
 * handler, running right after Quarkus' own (order -2), narrows it for every path but /imports/pos: a declared
 * Content-Length above the limit is answered 413 before the body is read; a chunked body is cut off by the request
 * stream, which reads its limit from the routing-context key Quarkus itself uses ({@value #MAX_REQUEST_SIZE}).
 */
@ApplicationScoped
public class BodyLimits {
    /** The key under which Quarkus (HttpServerCommonHandlers) hands the limit to RESTEasy's request stream. */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";
    static final String LARGE_UPLOADS = "/imports/pos";
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
            + "\"detail\":\"The body is larger than %d bytes\"}";

    void install(@Observes Router router, IngestConfig config) {
        long limit = config.maxJsonBodySize().asLongValue();
        router.route().order(-1).handler(context -> narrow(context, limit));
    }

    private static void narrow(RoutingContext context, long limit) {
        String path = context.normalizedPath();
        if (LARGE_UPLOADS.equals(path) || (LARGE_UPLOADS + "/").equals(path)) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > limit) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(PROBLEM.formatted(limit));
            return;
        }
        context.put(MAX_REQUEST_SIZE, limit);
        context.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
