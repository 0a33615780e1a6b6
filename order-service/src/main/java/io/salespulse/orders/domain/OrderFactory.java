package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid sale event into an order: resolves every line's product and the location from the catalog,
 * computes line totals and the order total. A RETURN is a refund: its amounts are negative while quantities stay
 * positive, so sums over sales and returns give net revenue.
 */
public final class OrderFactory {

    private OrderFactory() {
    }

    public static Result<Order> toOrder(SaleEvent event, ReferenceData catalog, Instant recordedAt) {
        Location location = catalog.location(event.locationId());
        if (location == null) {
            return Result.rejected(Rejection.Kind.UNKNOWN_LOCATION, "unknown location " + event.locationId());
        }
        List<OrderLine> lines = new ArrayList<>(event.lines().size());
        List<String> unknown = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        long itemCount = 0;
        for (int i = 0; i < event.lines().size(); i++) {
            SaleEvent.Line line = event.lines().get(i);
            Product product = catalog.product(line);
            if (product == null) {
                unknown.add("unknown product " + line.identifiers() + " in line " + i);
                continue;
            }
            if (!product.active()) {
                inactive.add("inactive product " + product.productId() + " (" + line.identifiers() + ") in line " + i);
                continue;
            }
            BigDecimal lineTotal = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            if (event.type() == OrderType.RETURN) {
                lineTotal = lineTotal.negate();
            }
            if (!Money.fits(lineTotal)) {
                return Result.rejected(Rejection.Kind.INVALID_EVENT,
                        "invalid sale event: total of line " + i + " exceeds " + Money.MAX);
            }
            lines.add(new OrderLine(i, product.productId(), product.sku(), product.name(), product.category(),
                    line.quantity(), line.unitPrice(), lineTotal));
            total = total.add(lineTotal);
            itemCount += line.quantity();
        }
        if (!unknown.isEmpty()) {
            unknown.addAll(inactive);
            return Result.rejected(Rejection.Kind.UNKNOWN_PRODUCT, String.join("; ", unknown));
        }
        if (!inactive.isEmpty()) {
            return Result.rejected(Rejection.Kind.INACTIVE_PRODUCT, String.join("; ", inactive));
        }
        if (!Money.fits(total) || itemCount > Integer.MAX_VALUE) {
            return Result.rejected(Rejection.Kind.INVALID_EVENT, "invalid sale event: order total exceeds " + Money.MAX);
        }
        // The location's region wins: analytics groups by it; the channel's hint only fills a gap.
        String region = location.region() != null ? location.region() : event.regionHint();
        OrderHeader header = new OrderHeader(OrderHeader.orderIdOf(event.eventId()), event.eventId(), event.type(),
                event.channel(), event.source(), event.externalId(), event.locationId(), region, event.occurredAt(),
                recordedAt, event.currency(), total, (int) itemCount, event.customerRef(), event.returnOf());
        return Result.ok(new Order(header, lines));
    }
}
