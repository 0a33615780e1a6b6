package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.PlausibleSaleTimeValidator;
import io.salespulse.ingest.domain.SaleType;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The validation rules of both order forms, with "now" pinned. */
class OrderValidationTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final jakarta.validation.ValidatorFactory FACTORY = validatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aGoodOrderOfEitherFormIsValid() {
        assertThat(violations(simple("2.50", NOW))).isEmpty();
        assertThat(violations(full(List.of(line("P-1001", 2, "2.50")), "EUR", NOW))).isEmpty();
    }

    @Test
    void theEventTimeMayBeUpToExactlyFiveSecondsAhead() {
        assertThat(violations(simple("1.00", NOW.plusSeconds(5)))).isEmpty();
        assertThat(violations(simple("1.00", NOW.plusSeconds(5).plusMillis(1))))
                .containsExactly(entry("date", "must not be more than 5 s in the future"));
        assertThat(violations(full(List.of(line("P-1", 1, "1.00")), "EUR", NOW.plusSeconds(5).plusNanos(1))))
                .containsOnlyKeys("occurredAt");
        assertThat(violations(simple("1.00", NOW.minusSeconds(86_400 * 30)))).as("late events are fine").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "2", "2.5", "2.50", "999999999999.99"})
    void pricesHaveAtMostTwoDecimals(String price) {
        assertThat(violations(simple(price, null))).isEmpty();
        assertThat(violations(full(List.of(line("P-1", 1, price)), null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.505", "2.500", "0.001", "-0.01", "1000000000000.00"})
    void otherPricesAreRefused(String price) {
        assertThat(violations(simple(price, null))).containsOnlyKeys("price");
        assertThat(violations(full(List.of(line("P-1", 1, "1.00"), line("P-2", 1, price)), null, null)))
                .containsOnlyKeys("lines[1].unitPrice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "CHF", "JPY"})
    void knownCurrenciesAreAccepted(String currency) {
        assertThat(violations(full(List.of(line("P-1", 1, "1.00")), currency, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUX", "eur", "EURO", "", "E1R"})
    void unknownCurrenciesAreRefused(String currency) {
        assertThat(violations(full(List.of(line("P-1", 1, "1.00")), currency, null)))
                .containsExactly(entry("currency", "must be a known ISO 4217 currency code such as EUR"));
    }

    @Test
    void quantitiesAreWholeNumbersFromOneToTenThousand() {
        assertThat(violations(new SimpleOrderRequest("P-1", 1, BigDecimal.ONE, null))).isEmpty();
        assertThat(violations(new SimpleOrderRequest("P-1", 10_000, BigDecimal.ONE, null))).isEmpty();
        assertThat(violations(new SimpleOrderRequest("P-1", 0, BigDecimal.ONE, null))).containsOnlyKeys("quantity");
        assertThat(violations(new SimpleOrderRequest("P-1", 10_001, BigDecimal.ONE, null))).containsOnlyKeys("quantity");
        assertThat(violations(full(List.of(new LineRequest("P-1", null, null, -1, BigDecimal.ONE)), null, null)))
                .containsOnlyKeys("lines[0].quantity");
    }

    @Test
    void eachLineNamesItsProductExactlyOnce() {
        var twoReferences = new LineRequest("P-1", "SKU-1", null, 1, BigDecimal.ONE);
        var none = new LineRequest(null, null, null, 1, BigDecimal.ONE);
        var byGtin = new LineRequest(null, null, "4006381333931", 1, BigDecimal.ONE);

        assertThat(violations(full(List.of(byGtin, twoReferences, none), null, null)))
                .containsOnlyKeys("lines[1]", "lines[2]")
                .containsEntry("lines[1]", "exactly one of productId, sku or gtin is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "96385074", "036000291452", "10614141000415"})
    void validGtinsAreAccepted(String gtin) {
        assertThat(violations(full(List.of(new LineRequest(null, null, gtin, 1, BigDecimal.ONE)), null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "400638133393", "12345", "400638133393A"})
    void gtinsWithWrongCheckDigitOrLengthAreRefused(String gtin) {
        assertThat(violations(full(List.of(new LineRequest(null, null, gtin, 1, BigDecimal.ONE)), null, null)))
                .containsOnlyKeys("lines[0].gtin");
    }

    @Test
    void anOrderHasOneToAThousandLines() {
        assertThat(violations(full(List.of(), null, null))).containsOnlyKeys("lines");
        assertThat(violations(full(null, null, null))).containsOnlyKeys("lines");
        List<LineRequest> thousand = Collections.nCopies(1000, line("P-1", 1, "1.00"));
        assertThat(violations(full(thousand, null, null))).isEmpty();
        List<LineRequest> tooMany = new ArrayList<>(thousand);
        tooMany.add(line("P-1", 1, "1.00"));
        assertThat(violations(full(tooMany, null, null))).containsOnlyKeys("lines");
    }

    @Test
    void aReturnNamesTheSaleItReturns() {
        var lines = List.of(line("P-1", 1, "1.00"));
        assertThat(violations(order(SaleType.RETURN, null, lines)))
                .containsExactly(entry("returnOf", "is required for a RETURN"));
        assertThat(violations(order(SaleType.SALE, "E-1", lines)))
                .containsExactly(entry("returnOf", "is only allowed for a RETURN"));
        assertThat(violations(order(SaleType.RETURN, "E-1", lines))).isEmpty();
    }

    @Test
    void identifiersAreLengthLimitedAndTrimmed() {
        var lines = List.of(line("P-1", 1, "1.00"));
        assertThat(violations(new FullOrderRequest(" E-1", null, "", "x".repeat(65), null, null, "c".repeat(129),
                lines, null, null)))
                .containsOnlyKeys("externalId", "source", "locationId", "customerRef");
        assertThat(violations(new SimpleOrderRequest("P-1\n", 1, BigDecimal.ONE, null))).containsOnlyKeys("productId");
    }

    @Test
    void identifiersHaveNoControlCharacters() {
        var lines = List.of(line("P-1", 1, "1.00"));
        assertThat(violations(new FullOrderRequest("E-\u00001", null, "web\u0007shop", null, null, null, null, lines,
                null, null))).containsOnlyKeys("externalId", "source");
        assertThat(violations(new SimpleOrderRequest("P-\u00001", 1, BigDecimal.ONE, null)))
                .containsOnlyKeys("productId");
        assertThat(violations(new SimpleOrderRequest("Café Crème 330 ml", 1, BigDecimal.ONE, null))).isEmpty();
    }

    @Test
    void aSaleTimeBefore2000IsATypo() {
        assertThat(violations(simple("1.00", Instant.parse("1999-12-31T23:59:59Z"))))
                .containsExactly(entry("date", "must not be before 2000-01-01T00:00:00Z"));
        assertThat(violations(full(List.of(line("P-1", 1, "1.00")), "EUR", Instant.parse("-5000-01-01T00:00:00Z"))))
                .containsOnlyKeys("occurredAt");
        assertThat(violations(simple("1.00", Instant.parse("2000-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void theLinesAddUpToAtMostTheLargestStoredTotal() {
        assertThat(violations(new SimpleOrderRequest("P-1", 2, new BigDecimal("999999999999.99"), null)))
                .containsExactly(entry("quantity", "the lines add up to more than 999999999999.99"));
        assertThat(violations(full(List.of(line("P-1", 1, "999999999999.98"), line("P-2", 1, "0.01")), null, null)))
                .isEmpty();
        assertThat(violations(full(List.of(line("P-1", 1, "999999999999.99"), line("P-2", 1, "0.01")), null, null)))
                .containsOnlyKeys("lines");
    }

    @Test
    void theSimpleFormNeedsProductQuantityAndPrice() {
        assertThat(violations(new SimpleOrderRequest(null, null, null, null)))
                .containsOnlyKeys("productId", "quantity", "price");
    }

    private static SimpleOrderRequest simple(String price, Instant date) {
        return new SimpleOrderRequest("P-1001", 1, new BigDecimal(price), date);
    }

    private static FullOrderRequest full(List<LineRequest> lines, String currency, Instant occurredAt) {
        return new FullOrderRequest("WEB-1", Channel.WEB, "webshop:main", "ST-001", currency, occurredAt, null, lines,
                null, null);
    }

    private static FullOrderRequest order(SaleType type, String returnOf, List<LineRequest> lines) {
        return new FullOrderRequest("WEB-1", null, null, null, null, null, null, lines, type, returnOf);
    }

    private static LineRequest line(String productId, int quantity, String unitPrice) {
        return new LineRequest(productId, null, null, quantity, new BigDecimal(unitPrice));
    }

    /** Field path -> message(s); the same violation reported twice fails the test so duplicates cannot hide. */
    private static Map<String, String> violations(Object request) {
        return VALIDATOR.validate(request).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage,
                        (first, second) -> {
                            assertThat(second).as("duplicate violation").isNotEqualTo(first);
                            return first + "; " + second;
                        }));
    }

    private static jakarta.validation.ValidatorFactory validatorFactory() {
        var configuration = Validation.byDefaultProvider().configure();
        ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return configuration.constraintValidatorFactory(new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == PlausibleSaleTimeValidator.class
                        ? key.cast(new PlausibleSaleTimeValidator(clock))
                        : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                defaults.releaseInstance(instance);
            }
        }).buildValidatorFactory();
    }
}
