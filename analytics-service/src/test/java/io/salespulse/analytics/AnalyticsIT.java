package io.salespulse.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** orders.recorded.v1 in, GET /analytics out: exact figures against real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AnalyticsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MeterRegistry meters;

    @Test
    void salesAndReturnsAreCountedOnceByEventTimeWhateverTheRedeliveries() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String location = "ST-IT-" + tag;
        String product = "P-IT-" + tag;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var webSale = Orders.aSale().channel("WEB").location(location, "Region " + tag).occurredAt(now.minusSeconds(2))
                .line(product, "Test Cola " + tag, "Drinks " + tag, 3, "2.50")
                .line("P-1002", "Chips", "Snacks", 1, "1.99");
        var storeSale = Orders.aSale().channel("STORE").location(location, "Region " + tag)
                .occurredAt(now.minusSeconds(75))
                .line(product, "Test Cola " + tag, "Drinks " + tag, 1, "2.50");
        var refund = Orders.aReturn().channel("STORE").location(location, "Region " + tag)
                .occurredAt(now.minusSeconds(1))
                .line(product, "Test Cola " + tag, "Drinks " + tag, 1, "2.50");

        double duplicatesBefore = duplicatesSeen();
        OrderLedger.publish(webSale);
        OrderLedger.publish(storeSale);
        OrderLedger.publishAgain(webSale);
        OrderLedger.publish(refund);
        OrderLedger.publishAgain(refund);
        OrderLedger.publishAgain(storeSale);

        // Only once the three redeliveries were consumed (and recognised) can the totals prove they were not counted.
        await().atMost(PATIENCE).until(() -> duplicatesSeen() >= duplicatesBefore + 3);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(TestTokens.bearer("mia", "manager"));
            Instant generatedAt = Instant.parse(a.get("generatedAt").asText());

            assertMoney(a.get("totalRevenue"), OrderLedger.revenue(OrderLedger.all()));
            assertThat(a.get("totalOrders").asLong()).isEqualTo(OrderLedger.orders(OrderLedger.all()));
            assertThat(a.get("totalUnits").asLong()).isEqualTo(OrderLedger.units(OrderLedger.all()));

            Predicate<Orders.Builder> today = OrderLedger.sameDay(generatedAt);
            assertMoney(a.at("/today/revenue"), OrderLedger.revenue(today));
            assertThat(a.at("/today/orders").asLong()).isEqualTo(OrderLedger.orders(today));

            BigDecimal last = OrderLedger.revenue(OrderLedger.lastMinute(generatedAt));
            BigDecimal previous = OrderLedger.revenue(OrderLedger.previousMinute(generatedAt));
            JsonNode lastMinute = a.get("lastMinute");
            assertMoney(lastMinute.get("revenue"), last);
            assertThat(lastMinute.get("orders").asLong())
                    .isEqualTo(OrderLedger.orders(OrderLedger.lastMinute(generatedAt)));
            assertMoney(lastMinute.get("previousRevenue"), previous);
            assertThat(lastMinute.get("previousOrders").asLong())
                    .isEqualTo(OrderLedger.orders(OrderLedger.previousMinute(generatedAt)));
            assertMoney(lastMinute.get("revenueChange"), last.subtract(previous));
            assertThat(lastMinute.get("windowEnd").asText())
                    .isEqualTo(Instant.ofEpochSecond(generatedAt.getEpochSecond()).toString());
            if (previous.signum() == 0) {
                assertThat(lastMinute.get("revenueChangePct").isNull()).isTrue();
            } else {
                assertThat(lastMinute.get("revenueChangePct").decimalValue()).isEqualByComparingTo(
                        last.subtract(previous).multiply(BigDecimal.valueOf(100))
                                .divide(previous.abs(), 1, java.math.RoundingMode.HALF_UP));
            }

            // This test's location and product, today: 2 sales (7.50 + 1.99 and 2.50), a return of 2.50.
            Predicate<Orders.Builder> here = today.and(o -> o.locationId().equals(location));
            JsonNode byLocation = entry(a.get("byLocation"), "key", location);
            assertMoney(byLocation.get("revenue"), OrderLedger.revenue(here));
            assertThat(byLocation.get("orders").asLong()).isEqualTo(OrderLedger.orders(here));
            assertThat(byLocation.get("units").asLong()).isEqualTo(OrderLedger.units(here));
            if (OrderLedger.orders(here) == 2) {
                assertThat(byLocation.get("revenue").asText()).isEqualTo("9.49");
                JsonNode top = entry(a.get("topProducts"), "productId", product);
                assertThat(top.get("revenue").asText()).isEqualTo("7.50");
                assertThat(top.get("units").asLong()).isEqualTo(3);
                assertThat(top.get("name").asText()).isEqualTo("Test Cola " + tag);
                assertThat(entry(a.get("byCategory"), "key", "Drinks " + tag).get("orders").asLong()).isEqualTo(2);
            }
            assertThat(entry(a.get("topProductsAllTime"), "productId", product).get("revenue").asText())
                    .isEqualTo("7.50");
            assertThat(entry(a.get("topProductsAllTimeByUnits"), "productId", product).get("units").asLong())
                    .isEqualTo(3);
        });
    }

    @Test
    void theDocumentHasTheLastHourAndThirtyDaysOldestFirst() throws Exception {
        JsonNode a = analytics(TestTokens.bearer("ana", "analyst"));

        assertThat(a.get("lastHour")).hasSize(60);
        Instant first = Instant.parse(a.get("lastHour").get(0).get("minute").asText());
        Instant lastMinute = Instant.parse(a.get("lastHour").get(59).get("minute").asText());
        assertThat(Duration.between(first, lastMinute)).isEqualTo(Duration.ofMinutes(59));
        assertThat(a.get("daily")).hasSize(30);
        LocalDate today = Instant.parse(a.get("generatedAt").asText()).atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(a.get("daily").get(29).get("date").asText()).isEqualTo(today.toString());
        assertThat(a.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(a.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheOrdersAfterThemStillCount() throws Exception {
        String marker = UUID.randomUUID().toString();
        TestKafka.send(Topics.ORDERS_RECORDED, "bad-" + marker, "not json " + marker,
                "io.salespulse.order-recorded.v1", "/order-service");
        var noCurrencyCode = Orders.aSale().currency("eur").line("P-1001", "Cola " + marker, "Drinks", 1, "1.99");
        TestKafka.send(Topics.ORDERS_RECORDED, noCurrencyCode.orderId().toString(), noCurrencyCode.json(),
                "io.salespulse.order-recorded.v1", "/order-service");
        var good = Orders.aSale().line("P-1003", "Water", "Drinks", 2, "0.90");
        OrderLedger.publish(good);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var letters = TestKafka.readAll(Topics.DEAD_LETTER).stream()
                    .filter(r -> r.value().contains(marker)).toList();
            assertThat(letters).hasSize(2);
            for (var letter : letters) {
                Contracts.assertValid("sales.deadletter.v1/dead-letter", letter.value());
                assertThat(letter.key()).isEqualTo(Topics.ORDERS_RECORDED);
                JsonNode body = JSON.readTree(letter.value());
                assertThat(body.get("service").asText()).isEqualTo("analytics-service");
                assertThat(body.get("topic").asText()).isEqualTo(Topics.ORDERS_RECORDED);
            }
            assertThat(letters).anySatisfy(l -> assertThat(l.value()).contains("not JSON"));
            assertThat(letters).anySatisfy(l -> assertThat(l.value()).contains("currency must be an ISO 4217 code"));
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertMoney(
                analytics(TestTokens.bearer("ana", "analyst")).get("totalRevenue"),
                OrderLedger.revenue(OrderLedger.all())));
    }

    @Test
    void trendsAddUpTheDailyRollups() {
        var sale = Orders.aSale().line("P-1004", "Apples", "Fruit", 4, "0.75");
        OrderLedger.publish(sale);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode days = JSON.readTree(given().header("Authorization", TestTokens.bearer("ana", "analyst"))
                    .queryParam("granularity", "day").queryParam("periods", 7)
                    .when().get("/analytics/trends")
                    .then().statusCode(200).extract().asString());
            assertThat(days.get("granularity").asText()).isEqualTo("day");
            assertThat(days.get("points")).hasSize(7);
            JsonNode today = days.get("points").get(6);
            LocalDate date = LocalDate.parse(today.get("period").asText());
            Instant noon = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
            assertMoney(today.get("revenue"), OrderLedger.revenue(OrderLedger.sameDay(noon)));
            assertThat(today.get("orders").asLong()).isEqualTo(OrderLedger.orders(OrderLedger.sameDay(noon)));
        });
        given().header("Authorization", TestTokens.bearer("ana", "analyst"))
                .queryParam("granularity", "week").queryParam("periods", 3)
                .when().get("/analytics/trends")
                .then().statusCode(200)
                .body("points.size()", is(3))
                .body("points[2].period", containsString("-W"));
    }

    @Test
    void todayIsSplitBySourceWithinItsChannelAndTrendsFollowOneChannelOrSource() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String shop = "shopify:" + tag + ".myshopify.com";
        String till = "store:ST-" + tag;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The shop sells on its web site and on a marketplace: one source, two channels.
        var web = Orders.aSale().channel("WEB").source(shop).occurredAt(now.minusSeconds(3))
                .line("P-1001", "Cola", "Drinks", 2, "3.00");
        var marketplace = Orders.aSale().channel("MARKETPLACE").source(shop).occurredAt(now.minusSeconds(2))
                .line("P-1002", "Chips", "Snacks", 1, "4.00");
        var store = Orders.aSale().channel("STORE").source(till).occurredAt(now.minusSeconds(2))
                .line("P-1003", "Water", "Drinks", 5, "1.00");
        var refund = Orders.aReturn().channel("WEB").source(shop).occurredAt(now.minusSeconds(1))
                .line("P-1001", "Cola", "Drinks", 1, "3.00");
        for (var order : java.util.List.of(web, marketplace, store, refund)) {
            OrderLedger.publish(order);
        }
        OrderLedger.publishAgain(web);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode a = analytics(TestTokens.bearer("ana", "analyst"));
            Predicate<Orders.Builder> today = OrderLedger.sameDay(Instant.parse(a.get("generatedAt").asText()));
            for (String channel : java.util.List.of("WEB", "MARKETPLACE")) {
                Predicate<Orders.Builder> these = today.and(o -> o.channel().equals(channel) && o.source().equals(shop));
                JsonNode entry = sourceEntry(a.get("bySource"), channel, shop);
                assertMoney(entry.get("revenue"), OrderLedger.revenue(these));
                assertThat(entry.get("orders").asLong()).isEqualTo(OrderLedger.orders(these));
                assertThat(entry.get("units").asLong()).isEqualTo(OrderLedger.units(these));
                // Every source of a channel adds up to the channel.
                BigDecimal channelSum = StreamSupport.stream(a.get("bySource").spliterator(), false)
                        .filter(n -> n.get("channel").asText().equals(channel))
                        .map(n -> new BigDecimal(n.get("revenue").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(channelSum).isEqualByComparingTo(entry(a.get("byChannel"), "key", channel).get("revenue")
                        .asText());
            }
            if (OrderLedger.orders(today.and(o -> o.source().equals(shop))) == 2) {
                JsonNode onTheWeb = sourceEntry(a.get("bySource"), "WEB", shop);
                assertThat(onTheWeb.get("revenue").asText()).isEqualTo("3.00");
                assertThat(onTheWeb.get("orders").asLong()).isEqualTo(1);
                assertThat(onTheWeb.get("units").asLong()).isEqualTo(1);
                assertThat(sourceEntry(a.get("bySource"), "STORE", till).get("revenue").asText()).isEqualTo("5.00");
            }
            // Grouped by channel, the channels in the order of byChannel.
            java.util.List<String> channels = new java.util.ArrayList<>();
            a.get("bySource").forEach(n -> {
                if (channels.isEmpty() || !channels.get(channels.size() - 1).equals(n.get("channel").asText())) {
                    channels.add(n.get("channel").asText());
                }
            });
            java.util.List<String> channelOrder = new java.util.ArrayList<>();
            a.get("byChannel").forEach(n -> channelOrder.add(n.get("key").asText()));
            assertThat(channels).doesNotHaveDuplicates().isEqualTo(channelOrder);
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode anywhere = trend("source", shop, null);
            assertThat(anywhere.get("source").asText()).isEqualTo(shop);
            assertThat(anywhere.get("channel").isNull()).isTrue();
            assertTodayOfTrend(anywhere, o -> o.source().equals(shop));
            JsonNode onTheWeb = trend("source", shop, "WEB");
            assertThat(onTheWeb.get("channel").asText()).isEqualTo("WEB");
            assertTodayOfTrend(onTheWeb, o -> o.source().equals(shop) && o.channel().equals("WEB"));
            assertTodayOfTrend(trend("channel", "MARKETPLACE", null), o -> o.channel().equals("MARKETPLACE"));
            assertTodayOfTrend(trend("source", till, null), o -> o.source().equals(till));
        });
        JsonNode unknown = trend("source", "never:" + tag, null);
        assertThat(unknown.get("points")).hasSize(2)
                .allSatisfy(p -> assertThat(p.get("revenue").asText()).isEqualTo("0.00"));
    }

    @Test
    void aTrendOfAnUnknownChannelIsAProblemDocument() {
        given().header("Authorization", TestTokens.bearer("ana", "analyst"))
                .queryParam("channel", "FAX").queryParam("source", "x".repeat(201))
                .when().get("/analytics/trends")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("source"));
    }

    private static JsonNode trend(String filter, String value, String channel) {
        var request = given().header("Authorization", TestTokens.bearer("ana", "analyst"))
                .queryParam("granularity", "day").queryParam("periods", 2).queryParam(filter, value);
        if (channel != null) {
            request.queryParam("channel", channel);
        }
        return read(request.when().get("/analytics/trends").then().statusCode(200).extract().asString());
    }

    /** The last point (today) of a two-day trend equals what the ledger holds of that day for those orders. */
    private static void assertTodayOfTrend(JsonNode trend, Predicate<Orders.Builder> which) {
        assertThat(trend.get("points")).hasSize(2);
        JsonNode today = trend.get("points").get(1);
        Instant noon = LocalDate.parse(today.get("period").asText()).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Predicate<Orders.Builder> these = OrderLedger.sameDay(noon).and(which);
        assertMoney(today.get("revenue"), OrderLedger.revenue(these));
        assertThat(today.get("orders").asLong()).isEqualTo(OrderLedger.orders(these));
        assertThat(today.get("units").asLong()).isEqualTo(OrderLedger.units(these));
    }

    static JsonNode sourceEntry(JsonNode bySource, String channel, String source) {
        return StreamSupport.stream(bySource.spliterator(), false)
                .filter(n -> channel.equals(n.get("channel").asText()) && source.equals(n.get("source").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " " + source + " in " + bySource));
    }

    @Test
    void aBadTrendRequestIsAProblemDocument() {
        given().header("Authorization", TestTokens.bearer("ana", "analyst"))
                .queryParam("granularity", "year").queryParam("periods", 0)
                .when().get("/analytics/trends")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("granularity"))
                .body("errors.field", hasItem("periods"));
    }

    @Test
    void onlyDashboardRolesSeeTheFigures() {
        given().when().get("/analytics").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("dev-1", "device"))
                .when().get("/analytics").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("clara", "clerk"))
                .when().get("/analytics").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("clara", "clerk"))
                .when().get("/analytics/trends").then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheAnalyticsSchema() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/analytics'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("AnalyticsSnapshot"))
                .body("components.schemas.AnalyticsSnapshot.properties.lastMinute", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.LastMinute.properties.revenue.type", is("string"))
                .body("components.schemas.AnalyticsSnapshot.properties.bySource.items.'$ref'",
                        containsString("SourceBreakdown"))
                .body("components.schemas.SourceBreakdown.properties.revenue.type", is("string"))
                .body("paths.'/analytics/trends'.get.parameters.name", org.hamcrest.Matchers.hasItems("channel", "source"));
    }

    @Test
    void businessMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("salespulse_analytics_orders_counted_total"))
                .body(containsString("salespulse_analytics_push_latency_seconds_bucket"))
                .body(containsString("salespulse_ws_clients"));
    }

    static JsonNode analytics(String bearer) throws Exception {
        String body = given().header("Authorization", bearer)
                .when().get("/analytics")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode entry(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> value.equals(n.get(field).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    /** Money is a string with exactly 2 decimals. */
    static void assertMoney(JsonNode actual, BigDecimal expected) {
        assertThat(actual.isTextual()).as("money is a JSON string: %s", actual).isTrue();
        assertThat(actual.asText()).isEqualTo(expected.setScale(2).toPlainString());
    }

    private double duplicatesSeen() {
        return meters.find("salespulse.analytics.orders.duplicates").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
