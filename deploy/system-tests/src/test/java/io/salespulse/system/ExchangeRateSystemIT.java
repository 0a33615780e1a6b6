package io.salespulse.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.system.CounterSales.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A sale in another currency through the gateway with real Keycloak tokens: it waits outside the figures until an
 * admin (and only an admin) sets its exchange rate, then counts converted, once; the next one counts at once.
 */
class ExchangeRateSystemIT {
    private static SystemStack stack;
    private static String clerk;
    private static CounterSales sales;
    private static String admin;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
        clerk = KeycloakTokens.accessToken(stack, "clerk");
        sales = new CounterSales(stack, clerk);
        admin = KeycloakTokens.accessToken(stack, "admin");
    }

    @Test
    void aSaleInAnotherCurrencyWaitsForItsRateAndThenCountsConvertedOnce() {
        String currency = aCurrencyWithoutRate();
        JsonPath before = sales.analytics();

        sales.post("P-1001", 1, "10.00", currency);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> waiting(sales.analytics(), currency) == 1);
        JsonPath waiting = sales.analytics();
        assertThat(money(waiting, "totalRevenue")).isEqualByComparingTo(money(before, "totalRevenue"));
        assertThat(waiting.getLong("totalOrders")).isEqualTo(before.getLong("totalOrders"));

        String rate = "{\"validFrom\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(2) + "\",\"rate\":\"0.5\"}";
        for (String user : List.of("clerk", "manager")) {
            given().baseUri(stack.gatewayUrl()).auth().oauth2(KeycloakTokens.accessToken(stack, user))
                    .contentType(ContentType.JSON).body(rate)
                    .when().put("/api/analytics/exchange-rates/" + currency)
                    .then().statusCode(403);
        }
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON).body(rate)
                .when().put("/api/analytics/exchange-rates/" + currency)
                .then().statusCode(200)
                .body("rate.currency", is(currency))
                .body("rate.rate", is("0.5"))
                .body("countedNow", is(1));

        // 10.00 at 0.5 = 5.00 in the reporting currency, counted once; the next sale counts at once.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath now = sales.analytics();
            assertThat(waiting(now, currency)).isZero();
            assertThat(money(now, "totalRevenue")).isEqualByComparingTo(money(before, "totalRevenue").add(new BigDecimal("5.00")));
            assertThat(now.getLong("totalOrders")).isEqualTo(before.getLong("totalOrders") + 1);
        });
        sales.post("P-1001", 1, "3.00", currency);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath now = sales.analytics();
            assertThat(money(now, "totalRevenue")).isEqualByComparingTo(money(before, "totalRevenue").add(new BigDecimal("6.50")));
            assertThat(now.getLong("totalOrders")).isEqualTo(before.getLong("totalOrders") + 2);
            assertThat(waiting(now, currency)).isZero();
        });
    }

    /**
     * A currency no run has touched on this stack yet (no rate, no waiting order): local runs reuse the stack, so a
     * fixed list would run out; ISO 4217 has some 170 codes with cents.
     */
    private static String aCurrencyWithoutRate() {
        JsonPath rates = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin)
                .when().get("/api/analytics/exchange-rates")
                .then().statusCode(200).extract().jsonPath();
        String reporting = rates.getString("reportingCurrency");
        List<String> rated = rates.getList("rates.currency", String.class);
        List<String> awaiting = sales.analytics().getList("awaitingExchangeRate.currency", String.class);
        // Cents like the prices the test posts, so no currency's own rounding plays in.
        return Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() == 2)
                .map(Currency::getCurrencyCode).sorted()
                .filter(code -> !code.equals(reporting) && !rated.contains(code) && !awaiting.contains(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("every ISO currency has a rate on this stack"));
    }

    private static long waiting(JsonPath analytics, String currency) {
        return analytics.<Map<String, Object>>getList("awaitingExchangeRate").stream()
                .filter(entry -> currency.equals(entry.get("currency")))
                .mapToLong(entry -> ((Number) entry.get("orders")).longValue())
                .sum();
    }
}
