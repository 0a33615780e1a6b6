package io.salespulse.recommendations.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static io.salespulse.recommendations.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidatorTest {

    private final AnswerValidator validator = new AnswerValidator(new BigDecimal("15"));
    private final Set<String> locations = Set.of(LONDON.locationId());

    private static PriceSuggestion price(String productId, String suggested) {
        return new PriceSuggestion(productId, LONDON.locationId(), new BigDecimal("99.99"), new BigDecimal(suggested), null, "llm");
    }

    @Test
    void unknownProductIsDropped() {
        var r = validator.validate(
                List.of(new Promotion("P-9999", LONDON.locationId(), Promotion.Action.PROMOTE, "x", "y", BigDecimal.ONE),
                        new Promotion(COLA.productId(), LONDON.locationId(), Promotion.Action.PROMOTE, "hot", "+", new BigDecimal("1.7"))),
                List.of(price("P-9999", "1.00")), catalog(), locations);

        assertThat(r.promotions()).extracting(Promotion::productId).containsExactly(COLA.productId());
        assertThat(r.promotions().get(0).confidence()).isEqualByComparingTo("1");
        assertThat(r.pricing()).isEmpty();
        assertThat(r.dropped()).hasSize(2).allMatch(d -> d.contains("P-9999"));
    }

    @Test
    void eightyPercentCutIsDropped() {
        var r = validator.validate(List.of(), List.of(price(MUG.productId(), "1.98")), catalog(), locations);

        assertThat(r.pricing()).isEmpty();
        assertThat(r.dropped()).singleElement().asString().contains("-80.0%");
    }

    @Test
    void priceBelowCostIsDroppedEvenWithinTheLimit() {
        var cheap = product("P-2000", "Cheap water", "water", "1.00", "0.95", java.util.Map.of());
        var catalog = new java.util.HashMap<>(catalog());
        catalog.put(cheap.productId(), cheap);

        var r = validator.validate(List.of(), List.of(price(cheap.productId(), "0.90")), catalog, locations);

        assertThat(r.pricing()).isEmpty();
        assertThat(r.dropped()).singleElement().asString().contains("below unit cost");
    }

    @Test
    void validPriceKeepsTheCatalogsCurrentPriceAndComputesTheChange() {
        var r = validator.validate(List.of(), List.of(price(COLA.productId(), "1.95")), catalog(), locations);

        assertThat(r.dropped()).isEmpty();
        assertThat(r.pricing()).singleElement().satisfies(p -> {
            assertThat(p.currentPrice()).isEqualByComparingTo("1.80");
            assertThat(p.changePct()).isEqualByComparingTo("8.3");
        });
    }

    @Test
    void unknownLocationIsDropped() {
        var r = validator.validate(
                List.of(new Promotion(COLA.productId(), "ST-404", Promotion.Action.PROMOTE, "x", "y", BigDecimal.ONE)),
                List.of(), catalog(), locations);

        assertThat(r.promotions()).isEmpty();
        assertThat(r.dropped()).hasSize(1);
    }
}
