package io.salespulse.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import io.vertx.core.http.UpgradeRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** /ws/live against the running service: authenticated upgrade, first snapshot, pushed orders and alerts. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LiveSocketIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI base;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private WebSocketClientConnection connection;

    @AfterEach
    void close() {
        if (connection != null && connection.isOpen()) {
            connection.closeAndAwait();
        }
    }

    @Test
    void aClientGetsASnapshotAtOnceThenEveryNewOrderAndFiguresThatInclude() throws Exception {
        connection = connect(TestTokens.bearer("clara", "clerk"));

        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        JsonNode first = JSON.readTree(received.get(0));
        assertThat(first.get("type").asText()).isEqualTo("analytics.snapshot");
        assertThat(first.at("/data/lastHour")).hasSize(60);

        String source = "api:live-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var order = Orders.aSale().channel("WEB").source(source).location("WEB-FC", "Online")
                .line("P-1005", "Olive oil", "Pantry", 2, "6.45");
        OrderLedger.publish(order);

        await().atMost(PATIENCE).untilAsserted(() -> {
            int pushedAt = indexOf("order.recorded", "/data/orderId", order.orderId().toString());
            assertThat(pushedAt).as("order.recorded pushed").isNotNegative();
            JsonNode pushed = JSON.readTree(received.get(pushedAt)).get("data");
            assertThat(pushed.get("total").asText()).isEqualTo("12.90");
            assertThat(pushed.get("externalId").asText()).isNotBlank();
            assertThat(pushed.get("items").get(0).get("productId").asText()).isEqualTo("P-1005");
            BigDecimal expected = OrderLedger.revenue(OrderLedger.all());
            boolean reflected = received.stream().skip(pushedAt).map(AnalyticsIT::read)
                    .filter(m -> m.get("type").asText().equals("analytics.snapshot"))
                    .anyMatch(m -> m.at("/data/totalRevenue").asText().equals(expected.toPlainString()));
            assertThat(reflected).as("a later snapshot shows total revenue %s", expected).isTrue();
            boolean split = received.stream().skip(pushedAt).map(AnalyticsIT::read)
                    .filter(m -> m.get("type").asText().equals("analytics.snapshot"))
                    .anyMatch(m -> m.at("/data/bySource").findValuesAsText("source").contains(source));
            assertThat(split).as("a later snapshot splits today by source %s", source).isTrue();
        });
    }

    @Test
    void freshAlertsAndStockLevelsAreForwarded() {
        connection = connect(TestTokens.bearer("mia", "manager"));
        await().atMost(PATIENCE).until(() -> !received.isEmpty());

        String alertId = UUID.randomUUID().toString();
        String alert = """
                {"alertId":"%s","type":"OUT_OF_STOCK","state":"RAISED","productId":"P-1001","locationId":"ST-002",
                 "message":"Cola 330 ml is out of stock at ST-002","details":{"onHand":0},
                 "occurredAt":"%s"}
                """.formatted(alertId, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Contracts.assertValid("alerts.v1/alert", alert);
        // First (same key, same partition, so processed before the fresh one) a replayed alert from long ago.
        String staleId = UUID.randomUUID().toString();
        String stale = alert.replace(alertId, staleId)
                .replaceAll("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"2020-01-01T00:00:00Z\"");
        Contracts.assertValid("alerts.v1/alert", stale);
        TestKafka.send(Topics.ALERTS, alertId, stale, "io.salespulse.alert.v1", "/inventory-service");
        TestKafka.send(Topics.ALERTS, alertId, alert, "io.salespulse.alert.v1", "/inventory-service");
        String level = """
                {"productId":"P-7777","locationId":"ST-003","onHand":2,"reserved":0,"reorderPoint":10,
                 "criticalLevel":3,"targetLevel":40,"status":"CRITICAL","causeEventId":null,
                 "updatedAt":"%s"}
                """.formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Contracts.assertValid("inventory.levels.v1/stock-level", level);
        TestKafka.send(Topics.INVENTORY_LEVELS, "P-7777@ST-003", level, "io.salespulse.stock-level.v1",
                "/inventory-service");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(indexOf("alert", "/data/alertId", alertId)).isNotNegative();
            assertThat(indexOf("stock.level", "/data/productId", "P-7777")).isNotNegative();
        });
        // A replayed alert from long ago is not news: it is not forwarded.
        assertThat(indexOf("alert", "/data/alertId", staleId)).isNegative();
    }

    @Test
    void theHandshakeNeedsATokenWithADashboardRole() {
        Throwable anonymous = catchThrowable(() -> BasicWebSocketConnector.create().baseUri(base).path("/ws/live")
                .connectAndAwait());
        assertThat(upgradeStatus(anonymous)).isEqualTo(401);

        Throwable device = catchThrowable(() -> BasicWebSocketConnector.create().baseUri(base).path("/ws/live")
                .addHeader("Authorization", TestTokens.bearer("dev-1", "device"))
                .connectAndAwait());
        assertThat(upgradeStatus(device)).isEqualTo(403);
    }

    private WebSocketClientConnection connect(String bearer) {
        return BasicWebSocketConnector.create()
                .baseUri(base)
                .path("/ws/live")
                .addHeader("Authorization", bearer)
                .onTextMessage((c, message) -> received.add(message))
                .connectAndAwait();
    }

    private int indexOf(String type, String pointer, String value) {
        for (int i = 0; i < received.size(); i++) {
            JsonNode message = AnalyticsIT.read(received.get(i));
            if (message.get("type").asText().equals(type) && message.at(pointer).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static int upgradeStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
        }
        throw new AssertionError("the handshake was not rejected: " + failure, failure);
    }
}
