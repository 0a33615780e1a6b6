package io.salespulse.recommendations.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.salespulse.recommendations.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmPartsTest {

    @Test
    void promptHoldsTheDataTablesAndConstraintsButNoPersonalData() {
        var in = new RecommendationInput(NOON_IN_JULY, List.of(LONDON), catalog(), ordinaryStock(),
                List.of(new ExpiringLot(CRISPS.productId(), LONDON.locationId(), "L-1", 12, 2)),
                Map.of(LONDON.locationId(), weather("27", Weather.Condition.CLEAR)), Map.of(COLA.productId(), 40L));

        var prompt = PromptBuilder.fromClasspath().build(in, new BigDecimal("15"));

        assertThat(prompt.version()).isEqualTo("recommendations-v2");
        assertThat(prompt.user())
                .contains("P-1010 | Cola 330 ml | soft-drinks | 1.80 | 0.40 | temperature=cold")
                .contains("ST-001 | London Soho | 27 | CLEAR")
                .contains("P-1030 | ST-001 | 12 | 2")
                .contains("at most 15%")
                .doesNotContain("{{");
        // the inputs carry catalog, stock, sales and weather only: nothing that names or reaches a person
        assertThat(prompt.user() + prompt.system()).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+")
                .doesNotContainIgnoringCase("customer").doesNotContainIgnoringCase("bearer");
        assertThat(prompt.jsonSchema()).contains("\"suggestedPrice\"");
    }

    @Test
    void promptTablesTheLastMinuteLastHourAndTodaysSales() {
        var sales = new SalesFigures(Map.of(COLA.productId(), 40L, ESPRESSO.productId(), 12L), Map.of(COLA.productId(), 3L),
                new SalesFigures.Window(200, new BigDecimal("900.00")), new SalesFigures.Window(31, new BigDecimal("140.50")),
                new SalesFigures.Window(2, new BigDecimal("7.60")));
        var in = new RecommendationInput(NOON_IN_JULY, List.of(LONDON), catalog(), ordinaryStock(), List.of(),
                Map.of(LONDON.locationId(), weather("27", Weather.Condition.CLEAR)), sales);

        var user = PromptBuilder.fromClasspath().build(in, new BigDecimal("15")).user();

        assertThat(user).contains("last minute | 2 | 7.60", "last hour | 31 | 140.50", "today | 200 | 900.00",
                "P-1010 | 40 | 3", "P-1001 | 12 | 0");
    }

    @Test
    void providerWithoutTheKeyItNeedsCountsAsNoneAndModelsDefaultPerProvider() {
        var none = Optional.<String>empty();
        assertThat(LlmSelection.decide("gemini", none, none).provider()).isEmpty();
        assertThat(LlmSelection.decide("gemini", none, none).reason()).contains("gemini", "SALESPULSE_LLM_API_KEY");
        assertThat(LlmSelection.decide("gemini", Optional.of(" "), none).provider()).isEmpty();
        assertThat(LlmSelection.decide("gemini", Optional.of("g-key"), none).provider()).contains("gemini");
        assertThat(LlmSelection.decide("openai", none, none).provider()).isEmpty();
        assertThat(LlmSelection.decide("openai", none, Optional.of("https://api.openai.com/v1")).provider()).isEmpty();
        // a local OpenAI-compatible server (Ollama) needs no key
        assertThat(LlmSelection.decide("openai", none, Optional.of("http://localhost:11434/v1")).provider()).contains("openai");
        assertThat(LlmSelection.decide("openai", Optional.of("sk-1"), none).provider()).contains("openai");
        assertThat(LlmSelection.decide("none", Optional.of("sk-1"), none).provider()).isEmpty();
        assertThat(LlmSelection.decide("claude", Optional.of("sk-1"), none).reason()).contains("unknown");

        assertThat(LlmSelection.model("gemini", none)).isEqualTo("gemini-2.0-flash");
        assertThat(LlmSelection.model("openai", none)).isEqualTo("gpt-4o-mini");
        assertThat(LlmSelection.model("gemini", Optional.of("gemini-2.5-pro"))).isEqualTo("gemini-2.5-pro");
        assertThat(LlmSelection.model("openai", Optional.of(""))).isEqualTo("gpt-4o-mini");
    }

    @Test
    void emailAddressesAndPhoneNumbersAreStrippedButPeriodsAndKeysStay() {
        assertThat(PersonalData.strip("Cola by maria.lopez+shop@example.co.uk")).isEqualTo("Cola by [removed]");
        assertThat(PersonalData.strip("call +44 20 7946 0958 or 07700 900123")).isEqualTo("call [removed] or [removed]");
        assertThat(PersonalData.strip("0049 30 1234567")).isEqualTo("[removed]");
        assertThat(PersonalData.strip("2026-07-01/2026-07-31")).isEqualTo("2026-07-01/2026-07-31");
        assertThat(PersonalData.strip("2026-W28")).isEqualTo("2026-W28");
        assertThat(PersonalData.strip("P-1010")).isEqualTo("P-1010");
        assertThat(PersonalData.strip("ST-001 London Soho")).isEqualTo("ST-001 London Soho");
        assertThat(PersonalData.strip("Water 0.5 l, 6 x 0.33 l")).isEqualTo("Water 0.5 l, 6 x 0.33 l");
    }

    @Test
    void answerParserReadsStructuredJsonAndRejectsProse() {
        var parsed = AnswerParser.parse("""
                ```json
                {"promotions": [{"productId": "P-1010", "locationId": "ST-001", "action": "BUNDLE", "reason": "r",
                  "expectedImpact": "e", "confidence": 0.4}], "pricing": [{"productId": "P-1010", "locationId": "ST-001",
                  "suggestedPrice": 1.95, "reason": "r"}]}
                ```""");
        assertThat(parsed.promotions()).singleElement().satisfies(p -> assertThat(p.action()).isEqualTo(Promotion.Action.BUNDLE));
        assertThat(parsed.pricing()).singleElement().satisfies(p -> assertThat(p.suggestedPrice()).isEqualByComparingTo("1.95"));

        assertThatThrownBy(() -> AnswerParser.parse("Sure! Promote cola.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerParser.parse("{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callBudgetAllowsSoManyCallsPerClockMinute() {
        var clock = new MutableClock(Instant.parse("2026-07-15T12:00:10Z"));
        var budget = new CallBudget(2, clock);

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        clock.now = Instant.parse("2026-07-15T12:01:00Z");
        assertThat(budget.tryAcquire()).isTrue();
    }

    @Test
    void weatherBucketsAndProviderCodes() {
        assertThat(weather("27.9", Weather.Condition.CLEAR).bucket()).isEqualTo("25-dry");
        assertThat(weather("-3", Weather.Condition.SNOW).bucket()).isEqualTo("-5-wet");
        assertThat(WeatherCodes.fromWmo(0)).isEqualTo(Weather.Condition.CLEAR);
        assertThat(WeatherCodes.fromWmo(63)).isEqualTo(Weather.Condition.RAIN);
        assertThat(WeatherCodes.fromWmo(73)).isEqualTo(Weather.Condition.SNOW);
        assertThat(WeatherCodes.fromWmo(95)).isEqualTo(Weather.Condition.STORM);
        assertThat(WeatherCodes.fromOpenWeather(501)).isEqualTo(Weather.Condition.RAIN);
        assertThat(WeatherCodes.fromOpenWeather(800)).isEqualTo(Weather.Condition.CLEAR);
        assertThat(WeatherCodes.fromOpenWeather(803)).isEqualTo(Weather.Condition.CLOUDY);
    }

    @Test
    void templateSummaryStatesTotalsTrendBestSellerAndLocations() {
        var f = new PeriodFigures("2026-07", "EUR", new BigDecimal("9000"), 300, 800, new BigDecimal("10000"),
                List.of(new PeriodFigures.Ranked("P-1001", "Espresso", new BigDecimal("1200"), 500L)),
                List.of(new PeriodFigures.Ranked("ST-001", null, new BigDecimal("5000"), 400L),
                        new PeriodFigures.Ranked("ST-006", "Madrid Sol", new BigDecimal("900"), 100L)));

        var s = SummaryWriter.write(f, NOON_IN_JULY);

        assertThat(s.source()).isEqualTo("rules");
        assertThat(s.summary()).isEqualTo("In 2026-07 revenue was 9000.00 EUR from 300 orders and 800 units, down 10.0% "
                + "on the previous period. The average order was 30.00 EUR. The best seller was Espresso (P-1001) "
                + "(1200.00 EUR). The strongest location was ST-001 (5000.00 EUR).");
        assertThat(s.highlights()).contains("Revenue -10.0% vs previous period", "Weakest location: Madrid Sol (ST-006), worth a look");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
