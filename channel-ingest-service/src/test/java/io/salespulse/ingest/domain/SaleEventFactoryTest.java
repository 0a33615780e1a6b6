package io.salespulse.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaleEventFactoryTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");
    private static final UUID EVENT_ID = UUID.fromString("3f1c1e1a-7b1d-4c55-9f0e-0a1b2c3d4e5f");
    private static final UUID GENERATED_EXTERNAL_ID = UUID.fromString("9b2d6c1e-0000-4c55-9f0e-0a1b2c3d4e5f");
    // Configured like Quarkus' ObjectMapper: java.time modules, ISO-8601 dates.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SaleEventFactory factory = new SaleEventFactory("WEB-FC", "EUR", Clock.fixed(NOW, ZoneOffset.UTC),
            new ArrayDeque<>(List.of(EVENT_ID, GENERATED_EXTERNAL_ID))::poll);

    @Test
    void theSimpleOrderGetsTheDefaultsAndAFreshIdentity() {
        SaleDraft draft = SaleDraft.builder(Channel.API, "api:clerk")
                .lines(List.of(SaleLine.ofProduct("P-1001", 2, new BigDecimal("2.5"))))
                .build();

        SaleDraft sale = factory.normalise(draft);
        SaleEvent event = SaleEventFactory.event(sale, factory.newIdentity(sale));

        assertThat(event.eventId()).isEqualTo(EVENT_ID);
        assertThat(event.type()).isEqualTo(SaleType.SALE);
        assertThat(event.channel()).isEqualTo(Channel.API);
        assertThat(event.source()).isEqualTo("api:clerk");
        assertThat(event.externalId()).isEqualTo(GENERATED_EXTERNAL_ID.toString());
        assertThat(event.locationId()).isEqualTo("WEB-FC");
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z"));
        assertThat(event.lines()).containsExactly(new SaleLine("P-1001", null, null, 2, new BigDecimal("2.50")));
        assertThat(event.key()).isEqualTo("API:api:clerk:" + GENERATED_EXTERNAL_ID);
    }

    @Test
    void whatTheCallerGaveIsKept() {
        Instant occurredAt = Instant.parse("2026-11-20T08:00:00.123456789Z");
        SaleDraft sale = factory.normalise(SaleDraft.builder(Channel.WEB, "webshop:main")
                .externalId("WEB-1").locationId("ST-001").currency("USD").occurredAt(occurredAt)
                .customerRef("c-5f2a9b")
                .lines(List.of(new SaleLine(null, "SKU-COLA-330", null, 3, new BigDecimal("1.99"))))
                .build());

        SaleEvent event = SaleEventFactory.event(sale, factory.newIdentity(sale));

        assertThat(event.externalId()).isEqualTo("WEB-1");
        assertThat(event.locationId()).isEqualTo("ST-001");
        assertThat(event.currency()).isEqualTo("USD");
        assertThat(event.customerRef()).isEqualTo("c-5f2a9b");
        // PostgreSQL stores microseconds; the event must be the same when re-published from the stored identity.
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(event.key()).isEqualTo("WEB:webshop:main:WEB-1");
    }

    @Test
    void theEventIsExactlyTheContractWithExactMoney() throws Exception {
        SaleDraft sale = factory.normalise(SaleDraft.builder(Channel.MARKETPLACE, "shopify:shop.myshopify.com")
                .type(SaleType.RETURN).returnOf("R-1").externalId("RET-1")
                .occurredAt(Instant.parse("2026-11-21T10:15:30Z"))
                .region("Bavaria").country("DE")
                .totals(new BigDecimal("1"), new BigDecimal("0.38"), BigDecimal.ZERO)
                .lines(List.of(new SaleLine(null, null, "4006381333931", 1, new BigDecimal("999999999999.99"))))
                .build());
        String json = JSON.writeValueAsString(SaleEventFactory.event(sale, factory.newIdentity(sale)));

        Contracts.assertValid("sales.events.v1/sale-event", json);
        JsonNode event = JSON.readTree(json);
        assertThat(event.get("occurredAt").asText()).isEqualTo("2026-11-21T10:15:30Z");
        assertThat(event.get("lines").get(0).get("unitPrice").isTextual()).isTrue();
        assertThat(event.get("lines").get(0).get("unitPrice").asText()).isEqualTo("999999999999.99");
        assertThat(event.get("discountTotal").asText()).isEqualTo("1.00");
        assertThat(event.get("shippingTotal").asText()).isEqualTo("0.00");
        assertThat(event.has("customerRef")).as("absent optional fields are omitted").isFalse();
        assertThat(event.get("lines").get(0).has("productId")).isFalse();
    }

    @Test
    void theFingerprintRecognisesTheSameRequestAndNothingElse() {
        SaleDraft order = simple("P-1001", 2, "2.5");

        assertThat(fingerprint(order))
                .as("same order, same amount written differently").isEqualTo(fingerprint(simple("P-1001", 2, "2.50")))
                .as("identity is not part of the request").isEqualTo(fingerprint(order))
                .hasSize(64);
        Stream.of(simple("P-1001", 3, "2.50"), simple("P-1002", 2, "2.50"), simple("P-1001", 2, "2.51"),
                        SaleDraft.builder(Channel.API, "api:clerk").externalId("E-1").lines(order.lines()).build(),
                        SaleDraft.builder(Channel.API, "api:clerk").locationId("ST-001").lines(order.lines()).build())
                .forEach(other -> assertThat(fingerprint(other)).isNotEqualTo(fingerprint(order)));
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        SaleDraft a = SaleDraft.builder(Channel.API, "api:a").externalId("b|c")
                .lines(List.of(SaleLine.ofProduct("P-1", 1, BigDecimal.ONE))).build();
        SaleDraft b = SaleDraft.builder(Channel.API, "api:a").externalId("b").locationId("c")
                .lines(List.of(SaleLine.ofProduct("P-1", 1, BigDecimal.ONE))).build();

        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    }

    @Test
    void moreThanTwoDecimalsAreNeverRoundedSilently() {
        assertThatThrownBy(() -> factory.normalise(simple("P-1001", 1, "2.505")))
                .isInstanceOf(ArithmeticException.class);
    }

    private SaleDraft simple(String productId, int quantity, String price) {
        return SaleDraft.builder(Channel.API, "api:clerk")
                .lines(List.of(SaleLine.ofProduct(productId, quantity, new BigDecimal(price))))
                .build();
    }

    private String fingerprint(SaleDraft draft) {
        return SaleEventFactory.fingerprint(factory.normalise(draft));
    }
}
