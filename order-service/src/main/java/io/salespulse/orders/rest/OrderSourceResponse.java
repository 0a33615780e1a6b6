package io.salespulse.orders.rest;

import io.salespulse.orders.domain.OrderSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of GET /orders/sources. */
@Schema(description = "A source with recorded orders, under its channel")
public record OrderSourceResponse(
        @Schema(example = "WEB") String channel,
        @Schema(example = "shopify:demo-shop.myshopify.com") String source,
        @Schema(description = "Recorded orders, sales and returns", example = "1204") long orders) {

    static OrderSourceResponse of(OrderSource source) {
        return new OrderSourceResponse(source.channel().name(), source.source(), source.orders());
    }
}
