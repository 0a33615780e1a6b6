package io.salespulse.inventory;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.inventory.support.SaleEvents;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How many stock movements a second the service applies from sales.events.v1, end to end (Kafka in, movements,
 * levels, velocities, alerts and outbox committed). Opt-in, it is a measurement rather than a check:
 * {@code ./mvnw -pl inventory-service verify -Dit.test=StockThroughputIT -Dsalespulse.perf=true}. With
 * {@code -Dsalespulse.perf.lots=3} every level first receives its stock in that many lots with different expiry
 * dates, enough for all the sales, so that every sale is allocated first expiry first out (the lotted hot path).
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@EnabledIfSystemProperty(named = "salespulse.perf", matches = "true")
class StockThroughputIT {
    private static final int EVENTS = Integer.getInteger("salespulse.perf.events", 20_000);
    private static final int LINES = 3;
    private static final int LOTS = Integer.getInteger("salespulse.perf.lots", 0);

    @Test
    void appliesThousandsOfMovementsPerSecond() throws Exception {
        String category = TestCatalog.category(null, "Perf");
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            products.add(TestCatalog.product(category));
        }
        List<String> stores = List.of(TestCatalog.store(), TestCatalog.store(), TestCatalog.store(),
                TestCatalog.store(), TestCatalog.store(), TestCatalog.store(), TestCatalog.store());
        // Each line sells 2 units on average: lots of twice the expected demand are never exhausted.
        int perLot = LOTS == 0 ? 0 : 1 + 2 * 2 * EVENTS * LINES / products.size() / stores.size() / LOTS;
        for (String product : products) {
            for (String store : stores) {
                for (int lot = 0; lot < LOTS; lot++) {
                    given().header("Authorization", TestCatalog.MANAGER).contentType(ContentType.JSON)
                            .body(Map.of("type", "RECEIPT", "productId", product, "locationId", store,
                                    "quantity", perLot, "lotCode", "LOT-" + lot,
                                    "expiresOn", LocalDate.now().plusDays(10 + lot).toString()))
                            .when().post("/inventory/adjustments").then().statusCode(201);
                }
            }
        }
        Random random = new Random(42);
        List<SaleEvents> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            SaleEvents sale = SaleEvents.aSale(stores.get(random.nextInt(stores.size())));
            for (int line = 0; line < LINES; line++) {
                sale.line(products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
            }
            events.add(sale);
        }
        Contracts.assertValid("sales.events.v1/sale-event", events.get(0).json());

        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (SaleEvents sale : events) {
                producer.send(new ProducerRecord<>(Topics.SALES_EVENTS, sale.key(), sale.json()));
            }
        }
        long sent = System.nanoTime();
        long expected = (long) EVENTS * LINES;
        long receipts = (long) LOTS * products.size() * stores.size();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> movements(products) == expected + receipts);
        long done = System.nanoTime();

        double seconds = (done - start) / 1e9;
        double perSecond = expected / seconds;
        Log.infof("THROUGHPUT: %d movements (%d events, %d lots per level) in %.2f s = %.0f movements/s "
                + "(producing took %.2f s)", expected, EVENTS, LOTS, seconds, perSecond, (sent - start) / 1e9);
        assertThat(perSecond).isPositive();
        if (LOTS > 0) {
            Log.infof("THROUGHPUT: %d lot movements recorded (sales allocated first expiry first out)",
                    lotMovements(products));
        }
    }

    private static long lotMovements(List<String> products) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfraTestResource.ensureStarted().jdbcUrl(), "inventory_svc",
                "inventory_svc-demo");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inventory.lot_movements lm "
                     + "JOIN inventory.lots l ON l.lot_id = lm.lot_id WHERE l.product_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", products.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    private static long movements(List<String> products) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfraTestResource.ensureStarted().jdbcUrl(), "inventory_svc",
                "inventory_svc-demo");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM inventory.stock_movements WHERE product_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", products.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
