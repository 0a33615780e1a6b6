package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTest {
    private static final Instant RAISED = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant LATER = RAISED.plusSeconds(600);
    private final Alert raised = Alert.raise(AlertType.LOW_STOCK, new LevelKey("P-1001", "ST-001"), RAISED,
            Map.of("onHand", 4, "reorderPoint", 5));

    @Test
    void aNewAlertIsRaisedAndOpen() {
        assertThat(raised.state()).isEqualTo(AlertState.RAISED);
        assertThat(raised.isOpen()).isTrue();
        assertThat(raised.message()).isEqualTo("Low stock: P-1001 at ST-001 has 4 on hand (reorder point 5)");
    }

    @Test
    void acknowledgingKeepsItOpenAndRemembersWho() {
        Alert acknowledged = raised.acknowledge("manager-1", LATER);

        assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acknowledged.isOpen()).isTrue();
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("manager-1");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(LATER);
        assertThat(acknowledged.acknowledge("someone-else", LATER.plusSeconds(1))).isSameAs(acknowledged);
    }

    @Test
    void resolvingClosesItFromEitherOpenState() {
        Alert fromRaised = raised.resolve(LATER, Map.of("onHand", 20, "reason", "RECOVERED"));
        Alert fromAcknowledged = raised.acknowledge("manager-1", LATER).resolve(LATER, Map.of("onHand", 20));

        assertThat(fromRaised.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(fromRaised.isOpen()).isFalse();
        assertThat(fromRaised.resolvedAt()).isEqualTo(LATER);
        assertThat(fromRaised.details()).containsEntry("onHand", 4).containsKey("resolution");
        assertThat(fromRaised.message()).isEqualTo("Low stock resolved: P-1001 at ST-001 has 20 on hand");
        assertThat(fromAcknowledged.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(fromAcknowledged.acknowledgedBy()).isEqualTo("manager-1");
    }

    @Test
    void aResolvedAlertCannotBeAcknowledgedOrResolvedAgain() {
        Alert resolved = raised.resolve(LATER, Map.of("onHand", 20));

        assertThatThrownBy(() -> resolved.acknowledge("manager-1", LATER))
                .isInstanceOf(Alert.IllegalTransitionException.class);
        assertThatThrownBy(() -> resolved.resolve(LATER, Map.of()))
                .isInstanceOf(Alert.IllegalTransitionException.class);
    }
}
