package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cycle count compared with the books: differences, shrinkage, unknown GTINs, and what applying books. */
class ReconciliationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Reconciliation.CycleCount COUNT = new Reconciliation.CycleCount(UUID.randomUUID(), "ST-001",
            "RFID-7", "backroom", NOW.minusSeconds(600), NOW.minusSeconds(60));

    @Test
    void differencesAreObservedMinusExpectedPerProduct() {
        var comparison = Reconciliation.compare(COUNT, List.of(
                new Reconciliation.Counted("04012345610093", "P-1", 17),
                new Reconciliation.Counted("4012345610109", "P-2", 5),
                new Reconciliation.Counted("4012345610116", "P-3", 9),
                new Reconciliation.Counted("4099999999994", null, 4)),
                Map.of("P-1", 20, "P-2", 5, "P-3", 7), NOW);

        assertThat(comparison.lines()).containsExactly(
                new Reconciliation.Line(1, "04012345610093", "P-1", 20, 17, -3),
                new Reconciliation.Line(2, "4012345610109", "P-2", 5, 5, 0),
                new Reconciliation.Line(3, "4012345610116", "P-3", 7, 9, 2),
                new Reconciliation.Line(4, "4099999999994", null, null, 4, null));
        Reconciliation r = comparison.reconciliation();
        assertThat(r.reconciliationId()).isEqualTo(COUNT.observationId());
        assertThat(r.status()).isEqualTo(Reconciliation.Status.OPEN);
        assertThat(r.countedAt()).isEqualTo(COUNT.endedAt());
        assertThat(r.recordedAt()).isEqualTo(NOW);
        assertThat(r.productsCounted()).isEqualTo(3);
        assertThat(r.productsDiffering()).isEqualTo(2);
        assertThat(r.unitsExpected()).isEqualTo(32);
        assertThat(r.unitsObserved()).isEqualTo(31);
        assertThat(r.shrinkageUnits()).isEqualTo(3);
        assertThat(r.surplusUnits()).isEqualTo(2);
        assertThat(r.unknownGtins()).isEqualTo(1);
        assertThat(Reconciliation.corrections(comparison.lines())).containsExactly(Map.entry("P-1", -3),
                Map.entry("P-3", 2));
    }

    @Test
    void oneProductReadUnderTwoGtinsIsOneLineAndAProductWithoutALevelWasExpectedAtZero() {
        var comparison = Reconciliation.compare(COUNT, List.of(
                new Reconciliation.Counted("4012345610093", "P-1", 2),
                new Reconciliation.Counted("04012345610093", "P-1", 3),
                new Reconciliation.Counted("4012345610109", "P-NEW", 6),
                new Reconciliation.Counted("4099999999994", null, 1),
                new Reconciliation.Counted("4099999999994", null, 1)),
                Map.of("P-1", -2), NOW);

        assertThat(comparison.lines()).containsExactly(
                new Reconciliation.Line(1, "04012345610093", "P-1", -2, 5, 7),
                new Reconciliation.Line(2, "4012345610109", "P-NEW", 0, 6, 6),
                new Reconciliation.Line(3, "4099999999994", null, null, 2, null));
        assertThat(comparison.reconciliation().surplusUnits()).isEqualTo(13);
        assertThat(comparison.reconciliation().shrinkageUnits()).isZero();
        assertThat(comparison.reconciliation().unknownGtins()).isEqualTo(1);
    }

    @Test
    void aCountMatchingTheBooksCorrectsNothingAndIsAppliedOnce() {
        var comparison = Reconciliation.compare(COUNT, List.of(new Reconciliation.Counted("4012345610093", "P-1", 4)),
                Map.of("P-1", 4), NOW);
        assertThat(comparison.reconciliation().productsDiffering()).isZero();
        assertThat(Reconciliation.corrections(comparison.lines())).isEmpty();

        Reconciliation applied = comparison.reconciliation().applied(NOW.plusSeconds(5), "manager-1");
        assertThat(applied.status()).isEqualTo(Reconciliation.Status.APPLIED);
        assertThat(applied.appliedBy()).isEqualTo("manager-1");
        assertThatThrownBy(() -> applied.applied(NOW, "manager-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyCountIsAnEmptyReconciliation() {
        var comparison = Reconciliation.compare(COUNT, List.of(), Map.of(), NOW);
        assertThat(comparison.lines()).isEmpty();
        assertThat(comparison.reconciliation().productsCounted()).isZero();
    }
}
