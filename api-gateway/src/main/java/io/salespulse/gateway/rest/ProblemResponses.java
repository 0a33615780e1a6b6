package io.salespulse.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.support.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Writes RFC 7807 problems from Vert.x handlers: the gateway answers outside Quarkus REST, so the platform's
 * ProblemExceptionMapper never sees these errors, but the shape must be the same as every service's.
 */
@ApplicationScoped
public class ProblemResponses {
    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, int status, String title, String detail) {
        send(ctx, status, title, detail, Map.of());
    }

    public void send(RoutingContext ctx, int status, String title, String detail, Map<String, String> headers) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            Log.debugf("Cannot answer %d for %s: the response has already started", status, ctx.request().path());
            return;
        }
        // Only the path as instance: the query may carry a WebSocket ticket.
        Problem problem = new Problem("about:blank", title, status, detail, ctx.request().path(), List.of());
        headers.forEach(response::putHeader);
        // A body we did not read stays on the connection; let it drain (discarded) unless we close anyway.
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problem));
    }

    public void unauthorized(RoutingContext ctx, String detail, boolean invalidToken) {
        // RFC 6750: tell the client to bring a bearer token, and whether the one it brought was rejected.
        String challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        send(ctx, 401, "Unauthorized", detail, Map.of("WWW-Authenticate", challenge));
    }

    public void forbidden(RoutingContext ctx) {
        send(ctx, 403, "Forbidden", "Your role does not allow this");
    }

    public void payloadTooLarge(RoutingContext ctx, long maxBytes) {
        // Close the connection: the rest of an oversized body is not worth reading.
        send(ctx, 413, "Payload Too Large", "The request body exceeds " + maxBytes + " bytes",
                Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Problem is always serializable", e);
        }
    }
}
