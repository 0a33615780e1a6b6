package io.salespulse.gateway.client;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.UpgradeRejectedException;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * How a failed call to a service is told to the client: 503 with Retry-After when too many requests already wait for
 * it, 504 when it was too slow, 502 for everything else.
 */
public record UpstreamFailure(int status, String title, String detail) {
    /** A second: the pool's waiters are served within milliseconds to a few hundred of them once load eases. */
    static final String RETRY_AFTER_SECONDS = "1";

    public static UpstreamFailure of(Upstream upstream, Throwable failure) {
        String service = upstream.name().toLowerCase();
        Throwable cause = rootmost(failure);
        if (cause instanceof ConnectionPoolTooBusyException) {
            return new UpstreamFailure(503, "Service Unavailable",
                    "The " + service + " service is busy; retry after " + RETRY_AFTER_SECONDS + " s");
        }
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
            return new UpstreamFailure(504, "Gateway Timeout", "The " + service + " service did not answer in time");
        }
        if (cause instanceof ConnectException) {
            return new UpstreamFailure(502, "Bad Gateway", "The " + service + " service is not reachable");
        }
        if (cause instanceof UpgradeRejectedException rejected) {
            int status = rejected.getStatus();
            // The service judged the client (token expired meanwhile, role): that answer is the client's to see.
            return status >= 400 && status < 500
                    ? new UpstreamFailure(status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                            "The " + service + " service refused the WebSocket")
                    : new UpstreamFailure(502, "Bad Gateway",
                            "The " + service + " service refused the WebSocket (" + status + ")");
        }
        return new UpstreamFailure(502, "Bad Gateway", "The " + service + " service failed to answer");
    }

    /** Headers the answer carries: Retry-After on a 503. */
    public Map<String, String> headers() {
        return status == 503 ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of();
    }

    private static Throwable rootmost(Throwable failure) {
        Throwable current = failure;
        // Timeouts and refused connections may arrive wrapped; the innermost known cause decides.
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof TimeoutException) && !(current instanceof ConnectException)) {
            current = current.getCause();
        }
        return current;
    }
}
