package io.salespulse.orders.rest;

import io.salespulse.orders.domain.OrderService;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The recorded orders, read-only (behind the gateway: /api/orders). */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {
    private final OrderService orders;

    public OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @GET
    @RolesAllowed({"admin", "manager", "clerk", "analyst"})
    @Operation(summary = "Search recorded sales and returns",
            description = "Filters combine with AND; the values of a repeated channel or source filter with OR. "
                    + "Sorted by sort (default -occurredAt), then orderId.")
    public OrderPageResponse search(
            @Parameter(description = "occurredAt from, inclusive (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "occurredAt to, exclusive (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "WEB, STORE, MARKETPLACE, SCANNER, RFID or API; repeat it or give a comma list "
                    + "for several") @QueryParam("channel") List<String> channel,
            @Parameter(description = "Exact source, e.g. shopify:demo-shop.myshopify.com or store:ST-001 (see "
                    + "GET /orders/sources); repeat it for several (no comma list: a source may contain a comma)")
            @QueryParam("source") List<String> source,
            @QueryParam("locationId") String locationId,
            @Parameter(description = "Orders having a line of this product") @QueryParam("productId") String productId,
            @Parameter(description = "SALE or RETURN") @QueryParam("type") String type,
            @Parameter(description = "Orders in this currency (ISO 4217), e.g. to bound totals in one currency")
            @QueryParam("currency") String currency,
            @Parameter(description = "Minimum total, inclusive, in each order's own currency (see currency)")
            @QueryParam("minTotal") String minTotal,
            @Parameter(description = "Maximum total, inclusive, in each order's own currency (see currency)")
            @QueryParam("maxTotal") String maxTotal,
            @Parameter(description = "occurredAt, recordedAt, total, channel, source, locationId, itemCount, "
                    + "externalId, type, region, currency or returnOf; prefix - for descending") @QueryParam("sort")
            String sort,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("size") String size) {
        var criteria = OrderQueryParams.parse(from, to, channel, source, locationId, productId, type, currency,
                minTotal, maxTotal, sort, page, size);
        return OrderPageResponse.of(orders.search(criteria));
    }

    @GET
    @Path("/sources")
    @RolesAllowed({"admin", "manager", "clerk", "analyst"})
    @Operation(summary = "The channel and source pairs that have recorded orders",
            description = "With the number of orders (sales and returns) of each, sorted by channel then source: "
                    + "the choices of the channel and source filters of GET /orders.")
    public List<OrderSourceResponse> sources() {
        return orders.sources().stream().map(OrderSourceResponse::of).toList();
    }

    @GET
    @Path("/returnable")
    @RolesAllowed({"admin", "manager", "clerk", "analyst", "order-lookup"})
    @Operation(summary = "What of a sale can still be returned",
            description = "The sale a return names and, per product, the units sold, already returned (by RETURN "
                    + "orders naming it) and still returnable. channel-ingest checks each new return against it.")
    public ReturnableResponse returnable(
            @Parameter(description = "The sale's eventId, or its externalId within source", required = true)
            @QueryParam("returnOf") String returnOf,
            @Parameter(description = "The source an externalId is looked up in, e.g. store:ST-001")
            @QueryParam("source") String source) {
        if (returnOf == null || returnOf.isBlank() || returnOf.length() > 200
                || (source != null && source.length() > 200)) {
            throw new ProblemException(400, "Invalid request", "returnOf (1 to 200 characters) is required; source "
                    + "has at most 200");
        }
        return orders.returnable(returnOf.strip(), source).map(ReturnableResponse::of)
                .orElseThrow(() -> new ProblemException(404, "Sale not found", "No recorded sale " + returnOf.strip()
                        + (source == null ? "" : " (by eventId, or externalId in " + source + ")")));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "manager", "clerk", "analyst"})
    @Operation(summary = "One order with its lines")
    public OrderDetailResponse get(@PathParam("id") String id) {
        UUID orderId;
        try {
            orderId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        return orders.find(orderId).map(OrderDetailResponse::of).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(404, "Order not found", "No order " + id);
    }
}
