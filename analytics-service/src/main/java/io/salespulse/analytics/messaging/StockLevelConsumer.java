package io.salespulse.analytics.messaging;

import io.salespulse.support.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Forwards inventory.levels.v1 (compacted) to WebSocket clients as {@code stock.level} messages. */
@ApplicationScoped
public class StockLevelConsumer {
    public static final String MESSAGE_TYPE = "stock.level";
    private static final LiveForwarder.Forwarded LEVELS = new LiveForwarder.Forwarded(Topics.INVENTORY_LEVELS,
            ForwardedEventParser.STOCK_LEVEL_FIELDS, "updatedAt", MESSAGE_TYPE, true);

    private final LiveForwarder forwarder;

    public StockLevelConsumer(LiveForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Incoming("stock-levels")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        forwarder.forward(records, LEVELS);
    }
}
