package io.salespulse.orders.rest;

import io.salespulse.orders.domain.OrderPage;

import java.util.List;

/** A page of GET /orders; {@code page} is 0-based, {@code totalItems} counts all orders matching the filters. */
public record OrderPageResponse(List<OrderResponse> items, int page, int size, long totalItems) {

    static OrderPageResponse of(OrderPage page) {
        return new OrderPageResponse(page.items().stream().map(OrderResponse::of).toList(), page.page(), page.size(),
                page.totalItems());
    }
}
