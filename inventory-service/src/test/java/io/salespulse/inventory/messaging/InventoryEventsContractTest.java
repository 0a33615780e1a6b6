package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.AlertPolicy;
import io.salespulse.inventory.domain.AlertType;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Location;
import io.salespulse.inventory.domain.Product;
import io.salespulse.inventory.domain.SalesVelocity;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.domain.Thresholds;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer side of the contracts this service owns: every payload it builds validates against its schema in
 * deploy/contracts (the ITs check the records on Kafka as well). The mapper is configured like Quarkus' own.
 */
class InventoryEventsContractTest {
    private static final Instant NOW = Instant.parse("2026-01-15T10:15:30.123456Z");
    private final InventoryEvents events = new InventoryEvents(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void productsWithAndWithoutGtin() {
        Product cola = new Product("P-1009", "SKU-COLA-330", "4012345610093", "Cola 330 ml", "soft-drinks",
                new BigDecimal("1.90"), new BigDecimal("0.40"), "EUR", Map.of("size", "330 ml"), true, NOW, NOW);
        OutboxMessage message = events.product(cola, List.of("Drinks", "Cold drinks", "Soft drinks"));

        assertThat(message.topic()).isEqualTo(Topics.CATALOG_PRODUCTS);
        assertThat(message.key()).isEqualTo("P-1009");
        assertThat(message.eventType()).isEqualTo("io.salespulse.product.v1");
        assertThat(message.payload()).contains("\"unitPrice\":\"1.90\"");
        Contracts.assertValid("catalog.products.v1/product", message.payload());

        Product noGtin = new Product("P-2", "SKU-2", null, "Mug", "mugs", new BigDecimal("12"), BigDecimal.ZERO,
                "EUR", Map.of(), false, NOW, NOW);
        Contracts.assertValid("catalog.products.v1/product", events.product(noGtin, List.of("Mugs")).payload());
    }

    @Test
    void locationsWithAndWithoutCoordinates() {
        Location store = new Location("ST-003", "Berlin Mitte", Location.Kind.STORE, "DACH", "DE", 52.52, 13.405,
                "Europe/Berlin", true, NOW, NOW);
        Location marketplace = new Location("MP-1", "Marketplace", Location.Kind.MARKETPLACE, "EU", null, null, null,
                "UTC", true, NOW, NOW);

        assertThat(events.location(store).key()).isEqualTo("ST-003");
        Contracts.assertValid("catalog.locations.v1/location", events.location(store).payload());
        Contracts.assertValid("catalog.locations.v1/location", events.location(marketplace).payload());
    }

    @Test
    void stockLevelsIncludingAnOversoldOne() {
        StockLevel oversold = new StockLevel(new LevelKey("P-1001", "ST-001"), -2, 0, new Thresholds(60, 20, 400),
                false, SalesVelocity.none(), UUID.randomUUID(), NOW);
        OutboxMessage message = events.level(oversold);

        assertThat(message.key()).isEqualTo("P-1001@ST-001");
        assertThat(message.payload()).contains("\"status\":\"OVERSOLD\"");
        Contracts.assertValid("inventory.levels.v1/stock-level", message.payload());
    }

    @Test
    void everyAlertTypeInEveryState() {
        AlertPolicy policy = new AlertPolicy(0, Duration.ofHours(24), Duration.ofHours(6));
        LevelKey level = new LevelKey("P-1001", "ST-001");
        var raised = policy.evaluate(new AlertPolicy.Observation(level, 2, new Thresholds(60, 20, 400),
                new SalesVelocity(10, NOW), NOW), Set.of());
        assertThat(raised).extracting(d -> d.type()).containsExactly(AlertType.LOW_STOCK, AlertType.CRITICAL_STOCK,
                AlertType.STOCKOUT_PREDICTED);
        var out = policy.evaluate(new AlertPolicy.Observation(level, -1, new Thresholds(60, 20, 400),
                SalesVelocity.none(), NOW), Set.of());
        for (var decision : Stream.concat(raised.stream(), out.stream()).toList()) {
            Alert alert = Alert.raise(decision.type(), level, NOW, decision.details());
            Alert acknowledged = alert.acknowledge("manager-1", NOW);
            Alert resolved = acknowledged.resolve(NOW, Map.of("onHand", 500, "reason", "RECOVERED"));
            for (Alert state : List.of(alert, acknowledged, resolved)) {
                OutboxMessage message = events.alert(state, NOW);
                assertThat(message.key()).isEqualTo(alert.alertId().toString());
                Contracts.assertValid("alerts.v1/alert", message.payload());
            }
        }
    }

    @Test
    void deadLetters() {
        DeadLetter deadLetter = DeadLetter.ofRecord("inventory-service", Topics.SALES_EVENTS, 2, 41L,
                "STORE:store:ST-001:R-1", "{oops".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_type", "io.salespulse.sale-event.v1"), "Not JSON");
        OutboxMessage message = events.deadLetter(deadLetter);

        assertThat(message.key()).isEqualTo(Topics.SALES_EVENTS);
        assertThat(message.eventId()).isEqualTo(deadLetter.id());
        Contracts.assertValid("sales.deadletter.v1/dead-letter", message.payload());
    }
}
