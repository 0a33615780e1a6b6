package io.salespulse.gateway.client;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts the W3C trace context (traceparent, tracestate, baggage — whatever propagators are configured) of the
 * gateway's server span on a request to a service, so one trace runs from the gateway through the services.
 */
@ApplicationScoped
public class TraceHeaders {
    private static final TextMapSetter<MultiMap> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.set(key, value);
        }
    };

    private final OpenTelemetry openTelemetry;

    public TraceHeaders(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /**
     * @param context the OpenTelemetry context captured on the request's own Vert.x context; by the time the
     *                upstream is called (after token validation) the current context may be another one.
     */
    public void inject(Context context, MultiMap headers) {
        // The services' parent is the gateway's span; a traceparent the client sent is already our span's parent.
        headers.remove("traceparent");
        headers.remove("tracestate");
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, SETTER);
    }
}
