package io.salespulse.analytics.rest;

/**
 * Every /ws/live message: {@code {"type": "order.recorded" | "analytics.snapshot" | "alert" | "stock.level",
 * "data": ...}}.
 */
public record LiveMessage(String type, Object data) {
    public static final String ORDER_RECORDED = "order.recorded";
    public static final String SNAPSHOT = "analytics.snapshot";
}
