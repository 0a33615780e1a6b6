package io.salespulse.devices.rest;

import io.salespulse.devices.config.DevicesConfig;
import io.salespulse.devices.messaging.KafkaSlowException;
import io.salespulse.support.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Backpressure: when Kafka does not ack in time the device is told to retry; it keeps its data. */
public class KafkaSlowExceptionMapper {
    private final DevicesConfig config;

    public KafkaSlowExceptionMapper(DevicesConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response map(KafkaSlowException e) {
        Log.warnf("answering 503: %s", e.getMessage());
        return Response.status(503)
                .header("Retry-After", config.kafka().retryAfterSeconds())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(503, "Service Unavailable", "event broker is slow; retry later"))
                .build();
    }
}
