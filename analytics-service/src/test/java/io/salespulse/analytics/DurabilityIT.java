package io.salespulse.analytics;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.analytics.data.RollupRepository;
import io.salespulse.analytics.domain.AnalyticsService;
import io.salespulse.analytics.domain.CountResult;
import io.salespulse.analytics.domain.CountingService;
import io.salespulse.analytics.domain.LiveFigures;
import io.salespulse.analytics.domain.LiveWindow;
import io.salespulse.analytics.domain.RecordedOrder;
import io.salespulse.analytics.messaging.OrderRecordedParser;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exactness across restarts and replicas: the rebuilt live window, and concurrent counting of one batch. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DurabilityIT {

    @Inject
    AnalyticsService analytics;

    @Inject
    CountingService counting;

    @Inject
    RollupRepository rollups;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    io.salespulse.analytics.domain.CountedOrderCleanup cleanup;

    @Test
    void aWindowRebuiltFromTheDatabaseShowsExactlyWhatTheRunningOneShows() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Orders.Builder> orders = List.of(
                Orders.aSale().occurredAt(now.minusSeconds(3)).line("P-2001", "Bread", "Bakery", 2, "2.20"),
                Orders.aSale().occurredAt(now.minusSeconds(70)).line("P-2002", "Milk", "Dairy", 1, "1.10"),
                Orders.aReturn().occurredAt(now.minusSeconds(20)).line("P-2001", "Bread", "Bakery", 1, "2.20"),
                Orders.aSale().occurredAt(now.minus(Duration.ofMinutes(30)))
                        .line("P-2003", "Cheese", "Dairy", 1, "4.80"),
                Orders.aSale().occurredAt(now.minus(Duration.ofMinutes(90)))
                        .line("P-2004", "Butter", "Dairy", 1, "2.40"));
        orders.forEach(OrderLedger::publish);
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> AnalyticsIT.assertMoney(
                AnalyticsIT.analytics(TestTokens.bearer("ana", "analyst")).get("totalRevenue"),
                OrderLedger.revenue(OrderLedger.all())));

        // A restarted instance: an empty window fed only from analytics.counted_orders.
        Instant at = Instant.now();
        LiveWindow rebuilt = analytics.newWindow();
        analytics.rebuild(rebuilt, at);

        LiveFigures running = analytics.window().figures(at, 10);
        LiveFigures restarted = rebuilt.figures(at, 10);
        assertThat(restarted).isEqualTo(running);
        assertThat(restarted.minutes().lastRevenueCents()).isEqualTo(
                OrderLedger.revenue(OrderLedger.lastMinute(at)).movePointRight(2).longValueExact());
        assertThat(restarted.topProductsLastMinute()).isNotEmpty();
        assertThat(restarted.lastHour().stream().mapToLong(p -> p.orders()).sum()).isPositive();
        // Every order the running instance took is remembered by the rebuilt one: none would be taken twice.
        for (Orders.Builder order : orders) {
            assertThat(rebuilt.apply(parse(order).toLive(), at)).isFalse();
        }
    }

    @Test
    void twoReplicasCountingTheSameBatchAtOnceCountEveryOrderExactlyOnce() throws Exception {
        // Orders of a day no other test uses, counted straight through the service as two replicas would.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<Orders.Builder> builders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            builders.add(Orders.aSale().occurredAt(noon.plusSeconds(i))
                    .line("P-30" + (i % 4), "Item " + (i % 4), "Race", 1 + i % 3, "3.10"));
        }
        List<RecordedOrder> batch = builders.stream().map(DurabilityIT::parse).toList();
        List<RecordedOrder> reversed = new ArrayList<>(batch);
        java.util.Collections.reverse(reversed);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<CountResult> replicaA = CompletableFuture.supplyAsync(() -> countWhenStarted(start, batch));
        CompletableFuture<CountResult> replicaB = CompletableFuture.supplyAsync(() -> countWhenStarted(start, reversed));
        start.countDown();
        CountResult a = replicaA.get();
        CountResult b = replicaB.get();
        builders.forEach(OrderLedger::record);

        Set<UUID> all = batch.stream().map(RecordedOrder::orderId).collect(java.util.stream.Collectors.toSet());
        Set<UUID> countedTwice = new HashSet<>(a.counted());
        countedTwice.retainAll(b.counted());
        assertThat(countedTwice).isEmpty();
        Set<UUID> counted = new HashSet<>(a.counted());
        counted.addAll(b.counted());
        assertThat(counted).isEqualTo(all);
        assertThat(a.countedBefore()).isEqualTo(b.counted());
        assertThat(b.countedBefore()).isEqualTo(a.counted());

        // A redelivery after a crash: nothing new.
        CountResult again = counting.count(batch);
        assertThat(again.counted()).isEmpty();
        assertThat(again.countedBefore()).isEqualTo(all);

        var total = rollups.dailyTotals(day, day);
        BigDecimal expected = OrderLedger.revenue(OrderLedger.sameDay(noon));
        assertThat(total).singleElement().satisfies(t -> {
            assertThat(t.revenue()).isEqualByComparingTo(expected);
            assertThat(t.orders()).isEqualTo(OrderLedger.orders(OrderLedger.sameDay(noon)));
            assertThat(t.units()).isEqualTo(OrderLedger.units(OrderLedger.sameDay(noon)));
        });
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> AnalyticsIT.assertMoney(
                AnalyticsIT.analytics(TestTokens.bearer("ana", "analyst")).get("totalRevenue"),
                OrderLedger.revenue(OrderLedger.all())));
    }

    @Test
    void countedOrdersPastTheirRetentionAreForgottenButTheirFiguresStay() throws Exception {
        Instant noon = LocalDate.now(ZoneOffset.UTC).minusDays(4).atTime(12, 0).toInstant(ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(noon, ZoneOffset.UTC);
        var old = Orders.aSale().occurredAt(noon).line("P-4001", "Old", "Retention", 2, "1.50");
        var recent = Orders.aSale().occurredAt(noon.plusSeconds(1)).line("P-4002", "Recent", "Retention", 1, "2.00");
        assertThat(counting.count(List.of(parse(old), parse(recent))).counted()).hasSize(2);
        OrderLedger.record(old);
        OrderLedger.record(recent);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "UPDATE counted_orders SET counted_at = now() - INTERVAL '31 days' WHERE order_id = ?")) {
            ps.setObject(1, old.orderId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        assertThat(cleanup.purge()).isGreaterThanOrEqualTo(1);

        assertThat(rowsOf(old.orderId())).isEqualTo("0 orders, 0 lines");
        assertThat(rowsOf(recent.orderId())).isEqualTo("1 orders, 1 lines");
        assertThat(rollups.dailyTotals(day, day)).singleElement().satisfies(t -> assertThat(t.revenue())
                .isEqualByComparingTo(OrderLedger.revenue(OrderLedger.sameDay(noon))));
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> AnalyticsIT.assertMoney(
                AnalyticsIT.analytics(TestTokens.bearer("ana", "analyst")).get("totalRevenue"),
                OrderLedger.revenue(OrderLedger.all())));
    }

    private String rowsOf(UUID orderId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM counted_orders WHERE order_id = ?) AS orders,"
                        + " (SELECT count(*) FROM counted_lines WHERE order_id = ?) AS lines")) {
            ps.setObject(1, orderId);
            ps.setObject(2, orderId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("orders") + " orders, " + rs.getLong("lines") + " lines";
            }
        }
    }

    /**
     * V2__source_rollups.sql fills the 'source' rows of orders counted before it from counted_orders. Run its
     * statements again over what counting maintained (source rows removed first, all rolled back at the end):
     * they must give exactly the same rows.
     */
    @Test
    void theSourceBackfillOfTheMigrationGivesTheFiguresCountingMaintains() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant noon = LocalDate.now(ZoneOffset.UTC).minusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC);
        String shop = "shopify:bf-" + tag;
        List<Orders.Builder> builders = List.of(
                Orders.aSale().channel("WEB").source(shop).occurredAt(noon).line("P-4001", "Tea", "Drinks", 2, "3.30"),
                Orders.aSale().channel("WEB").source(shop).occurredAt(noon.plusSeconds(1))
                        .line("P-4002", "Mug", "Home", 1, "7.00").line("P-4001", "Tea", "Drinks", 1, "3.30"),
                Orders.aReturn().channel("WEB").source(shop).occurredAt(noon.plusSeconds(2))
                        .line("P-4002", "Mug", "Home", 1, "7.00"),
                Orders.aSale().channel("MARKETPLACE").source(shop).occurredAt(noon.plusSeconds(3))
                        .line("P-4001", "Tea", "Drinks", 4, "3.10"),
                Orders.aSale().channel("STORE").source("store:bf-" + tag).occurredAt(noon.minusSeconds(86_400))
                        .line("P-4003", "Honey", "Pantry", 1, "5.45"));
        counting.count(builders.stream().map(DurabilityIT::parse).toList());
        builders.forEach(OrderLedger::record);

        String migration;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V2__source_rollups.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> backfill = java.util.Arrays.stream(migration.replaceAll("(?m)--.*$", "").split(";"))
                .map(String::strip).filter(sql -> sql.startsWith("INSERT")).toList();
        assertThat(backfill).hasSize(2);

        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                // No counting in between: the maintained rows and counted_orders are one consistent state.
                st.execute("LOCK TABLE counted_orders, daily_rollups, all_time_rollups IN EXCLUSIVE MODE");
                var maintained = sourceRows(st);
                st.execute("DELETE FROM daily_rollups WHERE dimension = 'source'");
                st.execute("DELETE FROM all_time_rollups WHERE dimension = 'source'");
                for (String sql : backfill) {
                    st.execute(sql);
                }
                var backfilled = sourceRows(st);

                assertThat(backfilled).isEqualTo(maintained);
                LocalDate day = noon.atZone(ZoneOffset.UTC).toLocalDate();
                // 2 sales on the web (6.60 + 10.30) and the mug returned: 9.90, 2 orders, 3 net units.
                assertThat(maintained).containsEntry(day + " WEB|" + shop, "9.90/2/3")
                        .containsEntry(day + " MARKETPLACE|" + shop, "12.40/1/4")
                        .containsEntry(day.minusDays(1) + " STORE|store:bf-" + tag, "5.45/1/1")
                        .containsEntry("all-time WEB|" + shop, "9.90/2/3");
            } finally {
                c.rollback();
            }
        }
    }

    /** Every 'source' row, daily and all time: "day key" (or "all-time key") -> "revenue/orders/units". */
    private static java.util.Map<String, String> sourceRows(java.sql.Statement st) throws java.sql.SQLException {
        java.util.Map<String, String> rows = new java.util.TreeMap<>();
        try (var rs = st.executeQuery("""
                SELECT day::text AS day, key, revenue, orders, units FROM daily_rollups WHERE dimension = 'source'
                UNION ALL
                SELECT 'all-time', key, revenue, orders, units FROM all_time_rollups WHERE dimension = 'source'
                """)) {
            while (rs.next()) {
                rows.put(rs.getString("day") + " " + rs.getString("key"), rs.getBigDecimal("revenue").toPlainString()
                        + "/" + rs.getLong("orders") + "/" + rs.getLong("units"));
            }
        }
        return rows;
    }

    private CountResult countWhenStarted(CountDownLatch start, List<RecordedOrder> batch) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return counting.count(batch);
    }

    static RecordedOrder parse(Orders.Builder order) {
        try {
            return new OrderRecordedParser().parse(order.json().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
