package io.salespulse.system;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.salespulse.system.CounterSales.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The heartbeat end to end: an order posted through the gateway with a real Keycloak token reaches the live
 * WebSocket and the analytics figures (exactly) within two seconds, and a restart of analytics-service loses
 * and double-counts nothing.
 */
class OrderPathSystemIT {
    private static SystemStack stack;
    private static String clerk;
    private static CounterSales sales;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        clerk = KeycloakTokens.accessToken(stack, "clerk");
        sales = new CounterSales(stack, clerk);
    }

    @Test
    void aPostedOrderReachesTheLiveFeedAndExactAnalyticsAndSurvivesARestart() {
        // A quiet last minute (no sale and no return in it), so its figures can be asserted exactly.
        await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath now = sales.analytics();
            return now.getInt("lastMinute.orders") == 0 && money(now, "lastMinute.revenue").signum() == 0;
        });
        JsonPath before = sales.analytics();

        Instant firstMinute;
        try (LiveFeed live = new LiveFeed(stack, clerk)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !live.messages().isEmpty());
            // The minute of the first sale: the quiet minute above left no earlier order in it.
            firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String first = sales.post("P-1001", 2, "2.20", "EUR");   // 4.40
            String second = sales.post("P-1009", 3, "1.90", "EUR");  // 5.70

            // One deadline for both: the feed and the figures, 2 s after the second 202.
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(live.has("order.recorded", "externalId", first)).isTrue();
                assertThat(live.has("order.recorded", "externalId", second)).isTrue();
                JsonPath now = sales.analytics();
                assertThat(money(now, "totalRevenue")).isEqualByComparingTo(money(before, "totalRevenue").add(new BigDecimal("10.10")));
                assertThat(now.getLong("totalOrders")).isEqualTo(before.getLong("totalOrders") + 2);
                assertThat(money(now, "lastMinute.revenue")).isEqualByComparingTo("10.10");
                assertThat(now.getInt("lastMinute.orders")).isEqualTo(2);
            });
        }
        long postedAt = System.nanoTime();
        JsonPath beforeRestart = sales.analytics();

        stack.run("restart", "analytics-service");

        // A marker order after the restart: once it is counted, whatever the restart redelivered has been consumed
        // too, so a double count would show as more than before + 1.00 (held for 3 s to catch a late one).
        sales.post("P-1001", 1, "1.00", "EUR");
        BigDecimal expectedTotal = money(beforeRestart, "totalRevenue").add(BigDecimal.ONE);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> money(sales.analytics(), "totalRevenue").compareTo(expectedTotal) >= 0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonPath now = sales.analytics();
                    assertThat(money(now, "totalRevenue")).isEqualByComparingTo(expectedTotal);
                    assertThat(now.getLong("totalOrders")).isEqualTo(beforeRestart.getLong("totalOrders") + 1);
                    assertThat(money(now, "today.revenue"))
                            .isEqualByComparingTo(money(beforeRestart, "today.revenue").add(BigDecimal.ONE));
                });
        // The live window is rebuilt at start from the counted orders: the per-minute series of the last hour holds
        // the three from their minute on, however long the restart took...
        JsonPath rebuilt = sales.analytics();
        List<Map<String, Object>> since = rebuilt.<Map<String, Object>>getList("lastHour").stream()
                .filter(minute -> !Instant.parse((String) minute.get("minute")).isBefore(firstMinute)).toList();
        assertThat(since.stream().map(minute -> new BigDecimal(String.valueOf(minute.get("revenue"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("11.10");
        assertThat(since.stream().mapToInt(minute -> ((Number) minute.get("orders")).intValue()).sum()).isEqualTo(3);
        // ...and so does the last minute, unless the restart took so long that the first two have left it.
        if (Duration.ofNanos(System.nanoTime() - postedAt).compareTo(Duration.ofSeconds(50)) < 0) {
            JsonPath now = sales.analytics();
            assertThat(money(now, "lastMinute.revenue")).isEqualByComparingTo("11.10");
            assertThat(now.getInt("lastMinute.orders")).isEqualTo(3);
        }
    }
}
