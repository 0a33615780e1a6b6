package io.salespulse.orders.domain;

import java.util.List;

/** One page of a search, with the number of orders matching it. */
public record OrderPage(List<OrderHeader> items, int page, int size, long totalItems) {
}
