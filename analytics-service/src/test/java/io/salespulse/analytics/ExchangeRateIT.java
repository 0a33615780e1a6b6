package io.salespulse.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.analytics.data.ExchangeRateRepository;
import io.salespulse.analytics.domain.ExchangeRateService;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.salespulse.analytics.AnalyticsIT.analytics;
import static io.salespulse.analytics.AnalyticsIT.assertMoney;
import static io.salespulse.analytics.AnalyticsIT.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Orders in another currency than the reporting one (EUR): they wait, in no figure, until an admin sets a rate for
 * their day, then count converted, once; with a rate set first they count converted at once. Real Kafka and
 * PostgreSQL. Each test uses its own currency, since rates are shared by the whole test run.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ExchangeRateIT {
    private static final String ADMIN = TestTokens.bearer("ada", "admin");
    private static final String ANALYST = TestTokens.bearer("ana", "analyst");

    @Inject
    ExchangeRateRepository rateStore;
    @Inject
    ExchangeRateService exchangeRates;

    @Test
    void anOrderNoRateCoversWaitsOutOfTheFiguresAndCountsOnceWhenTheRateIsSet() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var inPounds = Orders.aSale().currency("GBP").channel("MARKETPLACE").source("marketplace:uk-" + tag)
                .occurredAt(now.minusSeconds(3)).line("P-GB-" + tag, "Tea " + tag, "Drinks", 1, "10.00");
        send(inPounds);
        send(inPounds); // redelivered while waiting: still one waiting order

        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(ANALYST);
            assertThat(waiting(a.get("awaitingExchangeRate"), "GBP")).isEqualTo(1);
            assertMoney(a.get("totalRevenue"), OrderLedger.revenue(OrderLedger.all()));
        });

        JsonNode set = read(given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"validFrom\":\"" + today().minusDays(1) + "\",\"rate\":\"1.17\"}")
                .when().put("/analytics/exchange-rates/GBP")
                .then().statusCode(200).extract().asString());
        assertThat(set.get("countedNow").asInt()).isEqualTo(1);
        assertThat(set.at("/rate/rate").asText()).isEqualTo("1.17");
        assertThat(set.at("/rate/setBy").asText()).isEqualTo("ada");
        // 10.00 GBP at 1.17 = 11.70 EUR, counted in this order's business day like any sale.
        OrderLedger.record(Orders.aSale().orderId(inPounds.orderId()).occurredAt(inPounds.occurredAt())
                .line("P-GB-" + tag, "Tea " + tag, "Drinks", 1, "11.70"));

        send(inPounds); // and redelivered after it was counted: nothing changes
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(ANALYST);
            assertThat(waiting(a.get("awaitingExchangeRate"), "GBP")).isZero();
            assertMoney(a.get("totalRevenue"), OrderLedger.revenue(OrderLedger.all()));
            assertMoney(a.at("/today/revenue"), OrderLedger.revenue(OrderLedger.sameDay(
                    Instant.parse(a.get("generatedAt").asText()))));
            assertMoney(AnalyticsIT.entry(a.get("topProductsAllTime"), "productId", "P-GB-" + tag).get("revenue"),
                    new java.math.BigDecimal("11.70"));
        });

        given().header("Authorization", ANALYST).when().get("/analytics/exchange-rates")
                .then().statusCode(200)
                .body("reportingCurrency", is("EUR"))
                .body("rates.find { it.currency == 'GBP' }.rate", is("1.17"))
                .body("rates.find { it.currency == 'GBP' }.validFrom", is(today().minusDays(1).toString()))
                .body("awaiting.find { it.currency == 'GBP' }", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void withRatesSetFirstEachOrderCountsAtTheRateOfItsOwnDay() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        putRate("CHF", today().minusDays(10), "1.0712");
        putRate("CHF", today(), "1.05");
        Instant noonYesterday = today().minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        var yesterday = Orders.aSale().currency("CHF").occurredAt(noonYesterday)
                .line("P-CH-" + tag, "Chocolate " + tag, "Snacks", 1, "20.00");
        var todays = Orders.aSale().currency("CHF").occurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .line("P-CH-" + tag, "Chocolate " + tag, "Snacks", 1, "20.00");
        send(yesterday);
        send(todays);
        // 20.00 CHF at 1.0712 = 21.424 -> 21.42 (yesterday), at 1.05 = 21.00 (today).
        OrderLedger.record(Orders.aSale().orderId(yesterday.orderId()).occurredAt(noonYesterday)
                .line("P-CH-" + tag, "Chocolate " + tag, "Snacks", 1, "21.42"));
        OrderLedger.record(Orders.aSale().orderId(todays.orderId()).occurredAt(todays.occurredAt())
                .line("P-CH-" + tag, "Chocolate " + tag, "Snacks", 1, "21.00"));

        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(ANALYST);
            assertMoney(a.get("totalRevenue"), OrderLedger.revenue(OrderLedger.all()));
            assertMoney(AnalyticsIT.entry(a.get("topProductsAllTime"), "productId", "P-CH-" + tag).get("revenue"),
                    new java.math.BigDecimal("42.42"));
            assertThat(waiting(a.get("awaitingExchangeRate"), "CHF")).isZero();
        });
    }

    @Test
    void aRateMustBeForAnotherRealCurrencyWithAPositiveRateAndOnlyAnAdminSetsIt() {
        String valid = "{\"validFrom\":\"" + today() + "\",\"rate\":\"1.1\"}";
        given().header("Authorization", ADMIN).contentType("application/json").body(valid)
                .when().put("/analytics/exchange-rates/EUR")
                .then().statusCode(422).contentType(containsString("problem+json"))
                .body("detail", containsString("reporting currency"));
        given().header("Authorization", ADMIN).contentType("application/json").body(valid)
                .when().put("/analytics/exchange-rates/XYZ")
                .then().statusCode(422).body("title", is("Unknown currency"));
        given().header("Authorization", ADMIN).contentType("application/json").body(valid)
                .when().put("/analytics/exchange-rates/usd")
                .then().statusCode(400).contentType(containsString("problem+json"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"validFrom\":\"" + today() + "\",\"rate\":\"0\"}")
                .when().put("/analytics/exchange-rates/SEK")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(containsString("rate")));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"validFrom\":\"" + today() + "\",\"rate\":\"0.123456789\"}")
                .when().put("/analytics/exchange-rates/SEK")
                .then().statusCode(400);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"rate\":\"1.1\"}")
                .when().put("/analytics/exchange-rates/SEK")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(containsString("validFrom")));
        given().header("Authorization", TestTokens.bearer("mia", "manager")).contentType("application/json")
                .body(valid)
                .when().put("/analytics/exchange-rates/SEK")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("carl", "clerk"))
                .when().get("/analytics/exchange-rates")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).when().get("/analytics/exchange-rates")
                .then().statusCode(200)
                .body("rates.find { it.currency == 'SEK' }", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void settingOneCurrencysRateCountsOnlyItsOrdersAndThePeriodicPassCountsTheRest() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var inKroner = Orders.aSale().currency("NOK").occurredAt(now.minusSeconds(2))
                .line("P-NO-" + tag, "Saft " + tag, "Drinks", 2, "50.00");
        var inDanishKroner = Orders.aSale().currency("DKK").occurredAt(now.minusSeconds(1))
                .line("P-DK-" + tag, "Kaffe " + tag, "Drinks", 1, "30.00");
        send(inKroner);
        send(inDanishKroner);
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(ANALYST);
            assertThat(waiting(a.get("awaitingExchangeRate"), "NOK")).isEqualTo(1);
            assertThat(waiting(a.get("awaitingExchangeRate"), "DKK")).isEqualTo(1);
        });

        // Another replica stores the DKK rate, and its count does not happen (it stopped, or its database call failed).
        rateStore.upsert("DKK", today().minusDays(1), new java.math.BigDecimal("0.134"), "other-replica");
        JsonNode set = read(given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"validFrom\":\"" + today().minusDays(1) + "\",\"rate\":\"0.0855\"}")
                .when().put("/analytics/exchange-rates/NOK")
                .then().statusCode(200).extract().asString());
        assertThat(set.get("countedNow").asInt()).as("only NOK's waiting order").isEqualTo(1);
        OrderLedger.record(Orders.aSale().orderId(inKroner.orderId()).occurredAt(inKroner.occurredAt())
                .line("P-NO-" + tag, "Saft " + tag, "Drinks", 2, "4.275")); // 2 x 50.00 NOK at 0.0855: 8.55 EUR
        assertThat(waiting(analytics(ANALYST).get("awaitingExchangeRate"), "DKK")).isEqualTo(1);

        exchangeRates.countCoveredPeriodically();
        OrderLedger.record(Orders.aSale().orderId(inDanishKroner.orderId()).occurredAt(inDanishKroner.occurredAt())
                .line("P-DK-" + tag, "Kaffe " + tag, "Drinks", 1, "4.02")); // 30.00 DKK at 0.134
        await().atMost(AnalyticsIT.PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(ANALYST);
            assertThat(waiting(a.get("awaitingExchangeRate"), "DKK")).isZero();
            assertMoney(a.get("totalRevenue"), OrderLedger.revenue(OrderLedger.all()));
        });
    }

    private static void putRate(String currency, LocalDate validFrom, String rate) {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"validFrom\":\"" + validFrom + "\",\"rate\":\"" + rate + "\"}")
                .when().put("/analytics/exchange-rates/" + currency)
                .then().statusCode(200);
    }

    private static void send(Orders.Builder order) {
        TestKafka.send(Topics.ORDERS_RECORDED, order.orderId().toString(), order.json(),
                "io.salespulse.order-recorded.v1", "/order-service");
    }

    private static long waiting(JsonNode awaiting, String currency) {
        for (JsonNode entry : awaiting) {
            if (currency.equals(entry.get("currency").asText())) {
                return entry.get("orders").asLong();
            }
        }
        return 0;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
