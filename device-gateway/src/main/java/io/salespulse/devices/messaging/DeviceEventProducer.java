package io.salespulse.devices.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.support.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Instant;

/** Publishes sale events and observations, each answered only after the broker's ack. */
@ApplicationScoped
public class DeviceEventProducer {
    private static final String SOURCE = "/device-gateway";

    private final Emitter<String> sales;
    private final Emitter<String> observations;
    private final AckedPublisher publisher;
    private final ObjectMapper mapper;

    public DeviceEventProducer(@Channel("sales-events") Emitter<String> sales,
                               @Channel("device-observations") Emitter<String> observations,
                               AckedPublisher publisher, ObjectMapper mapper) {
        this.sales = sales;
        this.observations = observations;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    public void publish(SaleEvent event) {
        publisher.sendAndAwait(sales, CloudEvents.message(event.key(), json(event), event.eventId(),
                SaleEvent.EVENT_TYPE, SOURCE, Instant.parse(event.occurredAt())));
    }

    public void publish(Observation observation) {
        publisher.sendAndAwait(observations, CloudEvents.message(observation.locationId(), json(observation),
                observation.observationId(), Observation.EVENT_TYPE, SOURCE, Instant.parse(observation.endedAt())));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
