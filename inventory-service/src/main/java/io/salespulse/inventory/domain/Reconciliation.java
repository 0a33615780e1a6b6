package io.salespulse.inventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An RFID cycle count of a location compared with the books: per product counted, what the system expected on hand,
 * what the readers saw and the difference (observed - expected; negative is shrinkage). OPEN until a manager applies
 * it, which books COUNT movements for the differences.
 */
public record Reconciliation(UUID reconciliationId, String locationId, String deviceId, String zone,
                             Instant startedAt, Instant countedAt, Instant recordedAt, Status status,
                             int productsCounted, int productsDiffering, int unitsExpected, int unitsObserved,
                             int shrinkageUnits, int surplusUnits, int unknownGtins, Instant appliedAt,
                             String appliedBy) {

    public enum Status {
        OPEN, APPLIED
    }

    /** One product counted ({@code productId} null, and expected/difference with it, for a GTIN the catalog lacks). */
    public record Line(int lineNo, String gtin, String productId, Integer expected, int observed, Integer difference) {
    }

    /** One count of the observation: a GTIN, the product it resolved to (null when unknown) and the units seen. */
    public record Counted(String gtin, String productId, int count) {
    }

    /** What the cycle count was: who counted where, when. */
    public record CycleCount(UUID observationId, String locationId, String deviceId, String zone, Instant startedAt,
                             Instant endedAt) {
    }

    /** A new reconciliation and its lines. */
    public record Comparison(Reconciliation reconciliation, List<Line> lines) {
    }

    /**
     * Compares the counts with {@code onHand} (by product; a product without a level is expected to have 0). Counts
     * of the same product under several GTINs (a GTIN-13 and the GTIN-14 of one item) add up into one line; known
     * products come first by id, then unknown GTINs. Only products that were counted are compared: a reader reports
     * the tags it saw, and a product without tags would otherwise look stolen.
     */
    public static Comparison compare(CycleCount count, Collection<Counted> counts, Map<String, Integer> onHand,
                                     Instant now) {
        Map<String, Integer> observedByProduct = new TreeMap<>();
        Map<String, String> gtinOfProduct = new TreeMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        for (Counted counted : counts) {
            if (counted.count() < 0) {
                throw new IllegalArgumentException("A count cannot be negative");
            }
            if (counted.productId() == null) {
                unknown.merge(counted.gtin(), counted.count(), Integer::sum);
            } else {
                observedByProduct.merge(counted.productId(), counted.count(), Integer::sum);
                gtinOfProduct.merge(counted.productId(), counted.gtin(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Line> lines = new ArrayList<>();
        int differing = 0;
        int expectedUnits = 0;
        int observedUnits = 0;
        int shrinkage = 0;
        int surplus = 0;
        for (var entry : observedByProduct.entrySet()) {
            int expected = onHand.getOrDefault(entry.getKey(), 0);
            int observed = entry.getValue();
            int difference = observed - expected;
            lines.add(new Line(lines.size() + 1, gtinOfProduct.get(entry.getKey()), entry.getKey(), expected, observed,
                    difference));
            expectedUnits += expected;
            observedUnits += observed;
            if (difference != 0) {
                differing++;
            }
            if (difference < 0) {
                shrinkage -= difference;
            } else {
                surplus += difference;
            }
        }
        for (var entry : unknown.entrySet()) {
            lines.add(new Line(lines.size() + 1, entry.getKey(), null, null, entry.getValue(), null));
        }
        var reconciliation = new Reconciliation(count.observationId(), count.locationId(), count.deviceId(),
                count.zone(), count.startedAt(), count.endedAt(), now, Status.OPEN, observedByProduct.size(), differing,
                expectedUnits, observedUnits, shrinkage, surplus, unknown.size(), null, null);
        return new Comparison(reconciliation, List.copyOf(lines));
    }

    /** The COUNT corrections applying it books: product -> difference, for known products that differ. */
    public static Map<String, Integer> corrections(Collection<Line> lines) {
        Map<String, Integer> corrections = new TreeMap<>();
        for (Line line : lines) {
            if (line.productId() != null && line.difference() != 0) {
                corrections.put(line.productId(), line.difference());
            }
        }
        return corrections;
    }

    public Reconciliation applied(Instant at, String user) {
        if (status == Status.APPLIED) {
            throw new IllegalStateException("Reconciliation " + reconciliationId + " was applied already");
        }
        return new Reconciliation(reconciliationId, locationId, deviceId, zone, startedAt, countedAt, recordedAt,
                Status.APPLIED, productsCounted, productsDiffering, unitsExpected, unitsObserved, shrinkageUnits,
                surplusUnits, unknownGtins, at, user);
    }
}
