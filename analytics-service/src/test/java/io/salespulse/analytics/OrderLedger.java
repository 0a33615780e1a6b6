package io.salespulse.analytics;

import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.UUID;

/**
 * Every order the tests of this JVM counted (all test classes share one application and one database), so that
 * each test can compute the exact figures the service must show — totals, today, and the sliding minutes as of
 * the snapshot's generatedAt — with the window rules of ARCHITECTURE.md, independently of the service's code.
 */
public final class OrderLedger {
    private static final List<Orders.Builder> COUNTED = new CopyOnWriteArrayList<>();
    private static final Map<UUID, Boolean> IDS = new ConcurrentHashMap<>();

    private OrderLedger() {
    }

    /** Publishes a contract-valid order on orders.recorded.v1 (key orderId) and records it. */
    public static void publish(Orders.Builder order) {
        send(order);
        record(order);
    }

    /** Publishes the same order again: at-least-once delivery from order-service. */
    public static void publishAgain(Orders.Builder order) {
        send(order);
    }

    /** Records an order counted without going through Kafka (tests calling the counting service directly). */
    public static void record(Orders.Builder order) {
        if (IDS.putIfAbsent(order.orderId(), Boolean.TRUE) == null) {
            COUNTED.add(order);
        }
    }

    private static void send(Orders.Builder order) {
        String json = order.json();
        Contracts.assertValid("orders.recorded.v1/order-recorded", json);
        TestKafka.send(Topics.ORDERS_RECORDED, order.orderId().toString(), json, "io.salespulse.order-recorded.v1",
                "/order-service");
    }

    public static BigDecimal revenue(Predicate<Orders.Builder> which) {
        return COUNTED.stream().filter(which).map(Orders.Builder::total)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    public static long orders(Predicate<Orders.Builder> which) {
        return COUNTED.stream().filter(which).filter(o -> o.type().equals("SALE")).count();
    }

    public static long units(Predicate<Orders.Builder> which) {
        return COUNTED.stream().filter(which).mapToLong(Orders.Builder::units).sum();
    }

    public static Predicate<Orders.Builder> all() {
        return o -> true;
    }

    /** Orders of the last minute seen at {@code generatedAt}: (S-60, S], S = generatedAt truncated to seconds. */
    public static Predicate<Orders.Builder> lastMinute(Instant generatedAt) {
        long s = generatedAt.getEpochSecond();
        return o -> o.occurredAt().isAfter(Instant.ofEpochSecond(s - 60))
                && !o.occurredAt().isAfter(Instant.ofEpochSecond(s));
    }

    /** Orders of the previous minute: (S-120, S-60]. */
    public static Predicate<Orders.Builder> previousMinute(Instant generatedAt) {
        long s = generatedAt.getEpochSecond();
        return o -> o.occurredAt().isAfter(Instant.ofEpochSecond(s - 120))
                && !o.occurredAt().isAfter(Instant.ofEpochSecond(s - 60));
    }

    /** Orders of the business day (UTC, the test configuration) of {@code generatedAt}. */
    public static Predicate<Orders.Builder> sameDay(Instant generatedAt) {
        LocalDate day = generatedAt.atZone(ZoneOffset.UTC).toLocalDate();
        return o -> o.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day);
    }
}
