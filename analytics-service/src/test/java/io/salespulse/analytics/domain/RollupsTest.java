package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RollupsTest {
    private static final Instant MORNING = Instant.parse("2025-06-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2025-06-02");

    @Test
    void aSaleAddsRevenueOneOrderAndUnitsToEveryDimension() {
        RecordedOrder sale = order(OrderType.SALE, MORNING, "WEB", "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 3, "1.50"),
                line(2, "P-2", "Water", "Drinks", 1, "0.80"),
                line(3, "P-3", "Chips", "Snacks", 2, "2.00"));

        List<RollupDelta> deltas = Rollups.daily(List.of(sale), ZoneOffset.UTC);

        assertThat(deltas).contains(
                new RollupDelta(DAY, Dimension.TOTAL, "all", null, new BigDecimal("9.30"), 1, 6),
                new RollupDelta(DAY, Dimension.CHANNEL, "WEB", null, new BigDecimal("9.30"), 1, 6),
                new RollupDelta(DAY, Dimension.SOURCE, "WEB|test", null, new BigDecimal("9.30"), 1, 6),
                new RollupDelta(DAY, Dimension.LOCATION, "WEB-FC", null, new BigDecimal("9.30"), 1, 6),
                new RollupDelta(DAY, Dimension.REGION, "North", null, new BigDecimal("9.30"), 1, 6),
                // Two lines of one category: still one order for that category.
                new RollupDelta(DAY, Dimension.CATEGORY, "Drinks", null, new BigDecimal("5.30"), 1, 4),
                new RollupDelta(DAY, Dimension.CATEGORY, "Snacks", null, new BigDecimal("4.00"), 1, 2),
                new RollupDelta(DAY, Dimension.PRODUCT, "P-1", "Cola", new BigDecimal("4.50"), 1, 3));
        assertThat(deltas).hasSize(5 + 2 + 3);
    }

    @Test
    void aReturnSubtractsRevenueAndUnitsButCountsNoOrder() {
        RecordedOrder sale = order(OrderType.SALE, MORNING, "STORE", "ST-001", "North",
                line(1, "P-1", "Cola", "Drinks", 4, "1.50"));
        RecordedOrder refund = order(OrderType.RETURN, MORNING.plusSeconds(60), "STORE", "ST-001", "North",
                line(1, "P-1", "Cola", "Drinks", 1, "1.50"));

        List<RollupDelta> deltas = Rollups.daily(List.of(sale, refund), ZoneOffset.UTC);

        assertThat(deltas).contains(
                new RollupDelta(DAY, Dimension.TOTAL, "all", null, new BigDecimal("4.50"), 1, 3),
                new RollupDelta(DAY, Dimension.PRODUCT, "P-1", "Cola", new BigDecimal("4.50"), 1, 3));
    }

    @Test
    void unknownCategoryAndRegionGetTheirOwnKeysAndProductsKeepTheLatestName() {
        RecordedOrder first = order(OrderType.SALE, MORNING, "API", "ST-002", null,
                line(1, "P-9", null, null, 1, "5.00"));
        RecordedOrder second = order(OrderType.SALE, MORNING, "API", "ST-002", null,
                line(1, "P-9", "Mystery box", " ", 1, "5.00"));

        List<RollupDelta> deltas = Rollups.daily(List.of(first, second), ZoneOffset.UTC);

        assertThat(deltas).contains(
                new RollupDelta(DAY, Dimension.REGION, Rollups.UNKNOWN_REGION, null, new BigDecimal("10.00"), 2, 2),
                new RollupDelta(DAY, Dimension.CATEGORY, Rollups.UNKNOWN_CATEGORY, null, new BigDecimal("10.00"), 2,
                        2),
                new RollupDelta(DAY, Dimension.PRODUCT, "P-9", "Mystery box", new BigDecimal("10.00"), 2, 2));
    }

    @Test
    void aSourceIsRolledUpWithinItsChannelLikeTheChannelItself() {
        String shop = "shopify:demo-shop.myshopify.com";
        RecordedOrder web = order(OrderType.SALE, MORNING, "WEB", shop, "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 2, "1.50"));
        RecordedOrder marketplace = order(OrderType.SALE, MORNING, "MARKETPLACE", shop, "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 1, "1.50"));
        RecordedOrder webAgain = order(OrderType.SALE, MORNING, "WEB", shop, "WEB-FC", "North",
                line(1, "P-2", "Water", "Drinks", 4, "0.50"));
        RecordedOrder refund = order(OrderType.RETURN, MORNING, "WEB", shop, "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 1, "1.50"));

        List<RollupDelta> sources = Rollups.daily(List.of(web, marketplace, webAgain, refund), ZoneOffset.UTC)
                .stream().filter(d -> d.dimension() == Dimension.SOURCE).toList();

        assertThat(sources).containsExactly(
                new RollupDelta(DAY, Dimension.SOURCE, "MARKETPLACE|" + shop, null, new BigDecimal("1.50"), 1, 1),
                new RollupDelta(DAY, Dimension.SOURCE, "WEB|" + shop, null, new BigDecimal("3.50"), 2, 5));
    }

    @Test
    void theBusinessDayIsTheDateOfTheEventInTheBusinessTimeZone() {
        Instant lateEveningUtc = Instant.parse("2025-06-02T22:30:00Z");
        RecordedOrder sale = order(OrderType.SALE, lateEveningUtc, "WEB", "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 1, "1.00"));

        assertThat(Rollups.daily(List.of(sale), ZoneOffset.UTC)).allMatch(d -> d.day().equals(DAY));
        assertThat(Rollups.daily(List.of(sale), ZoneId.of("Europe/Berlin")))
                .allMatch(d -> d.day().equals(DAY.plusDays(1)));
    }

    @Test
    void allTimeDeltasSumTheDaysAndComeInKeyOrder() {
        RecordedOrder today = order(OrderType.SALE, MORNING, "WEB", "WEB-FC", "North",
                line(1, "P-1", "Cola", "Drinks", 1, "1.00"));
        RecordedOrder yesterday = order(OrderType.SALE, MORNING.minusSeconds(86_400), "STORE", "ST-001", "North",
                line(1, "P-1", "Cola", "Drinks", 2, "1.00"));

        List<RollupDelta> allTime = Rollups.allTime(Rollups.daily(List.of(today, yesterday), ZoneOffset.UTC));

        assertThat(allTime).contains(new RollupDelta(null, Dimension.TOTAL, "all", null, new BigDecimal("3.00"), 2, 3));
        assertThat(allTime).extracting(d -> d.dimension().column() + "/" + d.key())
                .containsExactly("category/Drinks", "channel/STORE", "channel/WEB", "location/ST-001",
                        "location/WEB-FC", "product/P-1", "region/North", "source/STORE|test", "source/WEB|test",
                        "total/all");
    }

    static RecordedLine line(int no, String productId, String name, String category, int quantity, String price) {
        BigDecimal unitPrice = new BigDecimal(price);
        return new RecordedLine(no, productId, name, category, quantity, unitPrice,
                unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    static RecordedOrder order(OrderType type, Instant at, String channel, String location, String region,
                               RecordedLine... lines) {
        return order(type, at, channel, "test", location, region, lines);
    }

    static RecordedOrder order(OrderType type, Instant at, String channel, String source, String location,
                               String region, RecordedLine... lines) {
        List<RecordedLine> signed = java.util.Arrays.stream(lines)
                .map(l -> type == OrderType.SALE ? l : new RecordedLine(l.lineNo(), l.productId(), l.name(),
                        l.category(), l.quantity(), l.unitPrice(), l.lineTotal().negate()))
                .toList();
        BigDecimal total = signed.stream().map(RecordedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RecordedOrder(UUID.randomUUID(), UUID.randomUUID(), type, channel, source, "X-1", location,
                region, at, at, "EUR", total, signed);
    }
}
