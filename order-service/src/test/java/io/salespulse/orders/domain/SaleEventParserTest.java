package io.salespulse.orders.domain;

import io.salespulse.orders.SaleEvents;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SaleEventParserTest {

    @Test
    void readsAContractValidSale() {
        SaleEvents.Builder sale = SaleEvents.aSale().occurredAt("2025-03-01T10:15:30Z")
                .productLine("P-1001", 2, "1.99").skuLine("SKU-COLA-330", 1, "0.89");
        Contracts.assertValid("sales.events.v1/sale-event", sale.json());

        SaleEvent event = ok(SaleEventParser.parse(sale.json()));

        assertThat(event.eventId()).isEqualTo(sale.eventId());
        assertThat(event.type()).isEqualTo(OrderType.SALE);
        assertThat(event.channel()).isEqualTo(Channel.STORE);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(event.lines()).extracting(SaleEvent.Line::productId, SaleEvent.Line::sku, SaleEvent.Line::quantity,
                        SaleEvent.Line::unitPrice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-1001", null, 2, new BigDecimal("1.99")),
                        org.assertj.core.groups.Tuple.tuple(null, "SKU-COLA-330", 1, new BigDecimal("0.89")));
    }

    @Test
    void acceptsMoneyAsExactJsonNumbersAndOffsetsOtherThanZ() {
        String json = """
                {"eventId":"0b6f6c1e-1d7e-4c55-9a52-1a1f2f0e9b11","type":"SALE","channel":"WEB","source":"shop:web",
                 "externalId":"W-1","locationId":"WEB-FC","occurredAt":"2025-03-01T12:00:00+02:00","currency":"EUR",
                 "lines":[{"gtin":"4006381333931","quantity":3,"unitPrice":19.99}],"futureField":"ignored"}""";

        SaleEvent event = ok(SaleEventParser.parse(json));

        assertThat(event.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("19.99"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void malformedJsonIsRejectedAsSuch() {
        Rejection rejection = rejected(SaleEventParser.parse("{\"eventId\": "));

        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.MALFORMED_JSON);
        assertThat(rejection.reason()).startsWith("malformed JSON");
    }

    @Test
    void contractViolationsNameTheField() {
        assertThat(reason(SaleEvents.aSale().productLine("P-1", 1, "1.999").json()))
                .isEqualTo("invalid sale event: lines[0].unitPrice must be a non-negative amount with at most 2 decimals");
        assertThat(reason(SaleEvents.aSale().productLine("P-1", 0, "1.99").json()))
                .isEqualTo("invalid sale event: lines[0].quantity must be an integer from 1 to 1000000");
        assertThat(reason(SaleEvents.aSale().json()))
                .isEqualTo("invalid sale event: lines must have 1 to 1000 items");
        assertThat(reason(SaleEvents.aSale().productLine("P-1", 1, "1.00").json().replace("\"EUR\"", "\"eur\"")))
                .isEqualTo("invalid sale event: currency must match ^[A-Z]{3}$");
        assertThat(reason(SaleEvents.aSale().productLine("P-1", 1, "1.00").json().replace("STORE", "FAX")))
                .startsWith("invalid sale event: channel must be one of");
        assertThat(reason("[1, 2]")).isEqualTo("invalid sale event: the value is not a JSON object");
    }

    @Test
    void aLineMustNameItsProduct() {
        String json = SaleEvents.aSale().productLine("P-1", 1, "1.00").json().replace("\"productId\":\"P-1\",", "");

        assertThat(reason(json)).isEqualTo(
                "invalid sale event: lines[0].productId, lines[0].sku or lines[0].gtin is required");
    }

    @Test
    void aReturnMustNameTheOriginalSale() {
        SaleEvents.Builder sale = SaleEvents.aSale().productLine("P-1", 1, "1.00");
        String json = SaleEvents.aReturnOf(sale).productLine("P-1", 1, "1.00").json()
                .replace(",\"returnOf\":\"" + sale.eventId() + "\"", "");

        assertThat(reason(json)).isEqualTo("invalid sale event: returnOf is required");
    }

    private static SaleEvent ok(Result<SaleEvent> result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<SaleEvent>) result).value();
    }

    private static Rejection rejected(Result<SaleEvent> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<SaleEvent>) result).rejection();
    }

    private static String reason(String json) {
        return rejected(SaleEventParser.parse(json)).reason();
    }
}
