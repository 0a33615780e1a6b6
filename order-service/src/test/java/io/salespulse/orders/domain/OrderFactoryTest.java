package io.salespulse.orders.domain;

import io.salespulse.orders.SaleEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFactoryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Product COLA = new Product("P-1001", "SKU-COLA-330", "4006381333931", "Cola 330 ml",
            "Soft drinks", new BigDecimal("0.89"), "EUR", true, NOW);
    private static final Product CHIPS = new Product("P-1002", "SKU-CHIPS-150", null, "Chips 150 g", "Snacks",
            new BigDecimal("1.99"), "EUR", true, NOW);
    private static final Product OLD_TEA = new Product("P-1003", "SKU-TEA", null, "Tea", "Hot drinks",
            new BigDecimal("2.50"), "EUR", false, NOW);
    private static final Location STORE = new Location("ST-001", "Store 1", "STORE", "EU-North", "DE",
            "Europe/Berlin", true, NOW);
    private static final ReferenceData CATALOG = new ReferenceData(List.of(COLA, CHIPS, OLD_TEA), List.of(STORE));

    @Test
    void resolvesLinesByProductIdSkuOrGtinAndTotalsThem() {
        SaleEvents.Builder sale = SaleEvents.aSale()
                .productLine("P-1002", 2, "1.99").skuLine("SKU-COLA-330", 3, "0.89").gtinLine("4006381333931", 1, "0.80");

        Order order = ok(OrderFactory.toOrder(parse(sale), CATALOG, NOW));

        assertThat(order.lines()).extracting(OrderLine::lineNo, OrderLine::productId, OrderLine::name,
                        OrderLine::category, OrderLine::lineTotal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "P-1002", "Chips 150 g", "Snacks", new BigDecimal("3.98")),
                        org.assertj.core.groups.Tuple.tuple(1, "P-1001", "Cola 330 ml", "Soft drinks", new BigDecimal("2.67")),
                        org.assertj.core.groups.Tuple.tuple(2, "P-1001", "Cola 330 ml", "Soft drinks", new BigDecimal("0.80")));
        assertThat(order.header().total()).isEqualByComparingTo("7.45")
                .isEqualByComparingTo(order.lines().stream().map(OrderLine::lineTotal).reduce(BigDecimal::add).orElseThrow());
        assertThat(order.header().itemCount()).isEqualTo(6);
        assertThat(order.header().region()).isEqualTo("EU-North");
        assertThat(order.header().orderId()).isEqualTo(sale.orderId());
        assertThat(order.header().recordedAt()).isEqualTo(NOW);
    }

    @Test
    void aReturnRefundsNegativeAmountsWithPositiveQuantities() {
        SaleEvents.Builder sale = SaleEvents.aSale().productLine("P-1002", 2, "1.99");
        SaleEvents.Builder refund = SaleEvents.aReturnOf(sale).productLine("P-1002", 2, "1.99").skuLine("SKU-COLA-330", 1, "0.89");

        Order order = ok(OrderFactory.toOrder(parse(refund), CATALOG, NOW));

        assertThat(order.header().type()).isEqualTo(OrderType.RETURN);
        assertThat(order.header().returnOf()).isEqualTo(sale.eventId().toString());
        assertThat(order.lines()).extracting(OrderLine::quantity).containsExactly(2, 1);
        assertThat(order.lines()).extracting(OrderLine::lineTotal)
                .containsExactly(new BigDecimal("-3.98"), new BigDecimal("-0.89"));
        assertThat(order.header().total()).isEqualByComparingTo("-4.87");
        assertThat(order.header().itemCount()).isEqualTo(3);
    }

    @Test
    void unknownProductsAreNamedWithTheirLine() {
        SaleEvents.Builder sale = SaleEvents.aSale().productLine("P-1002", 1, "1.99").skuLine("SKU-X", 1, "1.00");

        Rejection rejection = rejected(OrderFactory.toOrder(parse(sale), CATALOG, NOW));

        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.UNKNOWN_PRODUCT);
        assertThat(rejection.reason()).isEqualTo("unknown product sku=SKU-X in line 1");
    }

    @Test
    void inactiveProductsAndUnknownLocationsAreRejected() {
        Rejection inactive = rejected(OrderFactory.toOrder(
                parse(SaleEvents.aSale().skuLine("SKU-TEA", 1, "2.50")), CATALOG, NOW));
        Rejection nowhere = rejected(OrderFactory.toOrder(
                parse(SaleEvents.aSale().locationId("ST-404").productLine("P-1002", 1, "1.99")), CATALOG, NOW));

        assertThat(inactive.kind()).isEqualTo(Rejection.Kind.INACTIVE_PRODUCT);
        assertThat(inactive.reason()).isEqualTo("inactive product P-1003 (sku=SKU-TEA) in line 0");
        assertThat(nowhere.kind()).isEqualTo(Rejection.Kind.UNKNOWN_LOCATION);
        assertThat(nowhere.reason()).isEqualTo("unknown location ST-404");
    }

    @Test
    void totalsBeyondNumeric14And2AreRejected() {
        SaleEvents.Builder sale = SaleEvents.aSale().productLine("P-1002", 1_000_000, "999999999.99");

        Rejection rejection = rejected(OrderFactory.toOrder(parse(sale), CATALOG, NOW));

        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID_EVENT);
        assertThat(rejection.reason()).contains("total of line 0 exceeds");
    }

    private static SaleEvent parse(SaleEvents.Builder builder) {
        return ((Result.Ok<SaleEvent>) SaleEventParser.parse(builder.json())).value();
    }

    private static Order ok(Result<Order> result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<Order>) result).value();
    }

    private static Rejection rejected(Result<Order> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<Order>) result).rejection();
    }
}
