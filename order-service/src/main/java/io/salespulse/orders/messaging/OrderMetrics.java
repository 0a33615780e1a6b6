package io.salespulse.orders.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.orders.domain.OrderHeader;
import io.salespulse.orders.domain.OrderType;
import io.salespulse.orders.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;

/** Business metrics of order-service, counted after the commit (a rolled-back batch counts nothing). */
@ApplicationScoped
public class OrderMetrics {
    private final MeterRegistry registry;

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A newly recorded order (duplicates are counted by {@link #duplicate}). */
    public void recorded(OrderHeader order) {
        Counter.builder("salespulse.orders.recorded")
                .description("Sales and returns recorded (each once)")
                .tag("channel", order.channel().name())
                .tag("type", order.type().name())
                .register(registry)
                .increment();
        // Counters only grow: refunds get their own counter; net revenue = revenue - refunds.
        String name = order.type() == OrderType.SALE ? "salespulse.revenue" : "salespulse.refunds";
        Counter.builder(name)
                .description(order.type() == OrderType.SALE ? "Total of recorded sales" : "Total of recorded returns")
                .tag("currency", order.currency())
                .register(registry)
                .increment(order.total().abs().doubleValue());
    }

    public void duplicate(OrderHeader order) {
        Counter.builder("salespulse.orders.duplicates")
                .description("Sale events that named an order already recorded")
                .tag("channel", order.channel().name())
                .register(registry)
                .increment();
    }

    public void deadLettered(Rejection.Kind kind) {
        Counter.builder("salespulse.deadletters")
                .description("Inputs sent to sales.deadletter.v1")
                .tag("reason", kind.tag())
                .register(registry)
                .increment();
    }
}
