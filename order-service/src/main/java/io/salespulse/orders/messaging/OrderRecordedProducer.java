package io.salespulse.orders.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.orders.domain.Order;
import io.salespulse.support.CloudEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.Collection;
import java.util.List;

/** Publishes recorded orders to orders.recorded.v1, key orderId. */
@ApplicationScoped
public class OrderRecordedProducer {
    static final String CHANNEL = "orders-recorded";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public OrderRecordedProducer(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                                 MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Sends the orders; the Uni completes when the broker has acknowledged all of them. */
    public Uni<Void> publish(Collection<Order> orders) {
        List<Uni<Void>> sends = orders.stream().map(this::send).toList();
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(Order order) {
        OrderRecorded event = OrderRecorded.of(order);
        try {
            return emitter.sendMessage(CloudEvents.message(event.orderId().toString(), json.writeValueAsString(event),
                    event.cloudEventId(), OrderRecorded.EVENT_TYPE, Messaging.SOURCE, event.recordedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize order " + event.orderId(), e);
        }
    }
}
