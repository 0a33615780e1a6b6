package io.salespulse.analytics.messaging;

import io.salespulse.analytics.Orders;
import io.salespulse.analytics.domain.OrderType;
import io.salespulse.analytics.domain.RecordedOrder;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract test of our orders.recorded.v1 reader against deploy/contracts/orders.recorded.v1. */
class OrderRecordedParserTest {
    private static final String CONTRACT = "orders.recorded.v1/order-recorded";

    private final OrderRecordedParser parser = new OrderRecordedParser();

    @Test
    void readsAContractValidSale() throws Exception {
        var sale = Orders.aSale().occurredAt(Instant.parse("2025-06-02T09:41:27.120Z"))
                .line("P-1001", "Cola 330 ml", "Drinks", 3, "1.99")
                .line("P-2002", null, null, 1, "0.50");
        Contracts.assertValid(CONTRACT, sale.json());

        RecordedOrder order = parser.parse(bytes(sale.json()));

        assertThat(order.orderId()).isEqualTo(sale.orderId());
        assertThat(order.type()).isEqualTo(OrderType.SALE);
        assertThat(order.total().toPlainString()).isEqualTo("6.47");
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2025-06-02T09:41:27.120Z"));
        assertThat(order.signedUnits()).isEqualTo(4);
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().get(1).name()).isNull();
        assertThat(order.lines().get(1).lineNo()).isEqualTo(2);
    }

    @Test
    void readsAContractValidReturnWithNegativeAmountsAndNumbersForMoney() throws Exception {
        String json = """
                {"eventId":"6f1c1a52-5b7a-4a43-9b55-0c8f1f2d9a01","orderId":"0b9c2b0e-7f0e-4c55-8a65-3a1d2c4e5f60",
                 "type":"RETURN","channel":"WEB","source":"shopify:shop.myshopify.com","externalId":"R-1",
                 "locationId":"WEB-FC","region":null,"occurredAt":"2025-06-02T11:41:27+02:00",
                 "recordedAt":"2025-06-02T09:41:28Z","currency":"EUR","total":-3.98,
                 "lines":[{"productId":"P-1001","name":"Cola","category":"Drinks","quantity":2,
                           "unitPrice":1.99,"lineTotal":-3.98}]}
                """;
        Contracts.assertValid(CONTRACT, json);

        RecordedOrder order = parser.parse(bytes(json));

        assertThat(order.type()).isEqualTo(OrderType.RETURN);
        assertThat(order.total().toPlainString()).isEqualTo("-3.98");
        assertThat(order.signedUnits()).isEqualTo(-2);
        assertThat(order.region()).isNull();
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2025-06-02T09:41:27Z"));
    }

    @Test
    void toleratesFieldsItDoesNotKnow() throws Exception {
        String json = Orders.aSale().json().replaceFirst("\\{", "{\"futureField\":1,");

        assertThat(parser.parse(bytes(json)).currency()).isEqualTo("EUR");
    }

    @Test
    void rejectsWhatBreaksTheContractWithAReason() {
        assertRejected("not json", "not JSON");
        assertRejected("[1,2]", "not a JSON object");
        assertRejected(Orders.aSale().json().replace("\"SALE\"", "\"GIFT\""), "type must be SALE or RETURN");
        assertRejected(Orders.aSale().json().replaceAll("\"orderId\":\"[^\"]+\"", "\"orderId\":\"42\""),
                "orderId must be a UUID");
        assertRejected(Orders.aSale().line("P-1", "X", "Y", 1, "1.00").json().replace("\"total\":\"1.00\"",
                "\"total\":\"1.005\""), "total must be an amount with at most 2 decimals");
        assertRejected(Orders.aSale().json().replaceAll("\"lines\":\\[.*]", "\"lines\":[]"),
                "lines must be a non-empty array");
        assertRejected(Orders.aSale().json().replace("\"occurredAt\":\"", "\"occurredAt\":\"yesterday"),
                "occurredAt must be an ISO-8601 date-time");
        assertRejected(Orders.aSale().line("P-1", "X", "Y", 1, "1.00").json().replace("\"quantity\":1",
                "\"quantity\":0"), "lines[0].quantity must be an integer");
    }

    @Test
    void rejectsATotalThatIsNotTheSumOfItsLines() {
        String json = Orders.aSale().line("P-1", "X", "Y", 2, "1.00").json()
                .replace("\"total\":\"2.00\"", "\"total\":\"3.00\"");
        Contracts.assertValid(CONTRACT, json);

        assertRejected(json, "total 3.00 is not the sum of lineTotal 2.00");
    }

    @Test
    void keepsAnotherCurrencyForConversionAndRejectsWhatIsNoCurrencyCode() throws Exception {
        String json = Orders.aSale().currency("USD").line("P-1", "X", "Y", 2, "1.00").json();
        Contracts.assertValid(CONTRACT, json);

        RecordedOrder order = parser.parse(bytes(json));
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.total()).isEqualByComparingTo("2.00");
        assertThat(order.conversion()).isNull();
        assertRejected(Orders.aSale().currency("usd").json(), "currency must be an ISO 4217 code");
    }

    @Test
    void rejectsAnEmptyValue() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidEventException.class)
                .hasMessage("empty record value");
    }

    private void assertRejected(String json, String reason) {
        assertThatThrownBy(() -> parser.parse(bytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
