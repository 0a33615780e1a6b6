package io.salespulse.orders.domain;

/** A source that has recorded orders, under its channel, with how many (sales and returns). */
public record OrderSource(Channel channel, String source, long orders) {
}
