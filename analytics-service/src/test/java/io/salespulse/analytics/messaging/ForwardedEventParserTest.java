package io.salespulse.analytics.messaging;

import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract tests of the forwarded alerts.v1 and inventory.levels.v1 events. */
class ForwardedEventParserTest {
    static final String ALERT = """
            {"alertId":"3a0d6a3e-2b1f-4c8e-9f10-5b2c1d0e9f11","type":"LOW_STOCK","state":"RAISED",
             "productId":"P-1001","locationId":"ST-001","message":"Cola 330 ml is low at ST-001",
             "details":{"onHand":4,"threshold":10},"occurredAt":"2025-06-02T09:41:27Z"}
            """;
    static final String STOCK_LEVEL = """
            {"productId":"P-1001","locationId":"ST-001","onHand":4,"reserved":0,"reorderPoint":10,
             "criticalLevel":3,"targetLevel":40,"status":"LOW",
             "causeEventId":"6f1c1a52-5b7a-4a43-9b55-0c8f1f2d9a01","updatedAt":"2025-06-02T09:41:27Z"}
            """;

    @Test
    void forwardsAContractValidAlertUnchanged() throws Exception {
        Contracts.assertValid("alerts.v1/alert", ALERT);

        var alert = ForwardedEventParser.parse(bytes(ALERT), ForwardedEventParser.ALERT_FIELDS);

        assertThat(alert.get("type").asText()).isEqualTo("LOW_STOCK");
        assertThat(alert.get("details").get("onHand").asInt()).isEqualTo(4);
    }

    @Test
    void forwardsAContractValidStockLevel() throws Exception {
        Contracts.assertValid("inventory.levels.v1/stock-level", STOCK_LEVEL);

        var level = ForwardedEventParser.parse(bytes(STOCK_LEVEL), ForwardedEventParser.STOCK_LEVEL_FIELDS);

        assertThat(level.get("status").asText()).isEqualTo("LOW");
    }

    @Test
    void rejectsPayloadsADashboardCouldNotShow() {
        assertThatThrownBy(() -> ForwardedEventParser.parse(bytes("{\"alertId\":\"x\"}"),
                ForwardedEventParser.ALERT_FIELDS)).hasMessage("type is required");
        assertThatThrownBy(() -> ForwardedEventParser.parse(bytes("oops"), ForwardedEventParser.ALERT_FIELDS))
                .hasMessageContaining("not JSON");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
