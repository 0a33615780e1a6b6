package io.salespulse.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.data.AfterCommit;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.data.ReconciliationRepository;
import io.salespulse.inventory.data.StockRepository;
import io.salespulse.inventory.domain.Gtin;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Reconciliation;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.inventory.messaging.Observation;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * RFID reconciliation: a cycle count (devices.observations.v1) is compared with the books into a reconciliation that
 * reports the differences (shrinkage when negative); a manager may apply it, which books COUNT movements through
 * StockService, so levels, alerts and their events follow as for any adjustment.
 */
@ApplicationScoped
public class ReconciliationService {
    /** What became of an observation. */
    public enum Outcome {
        RECORDED, DUPLICATE, IGNORED, UNKNOWN_LOCATION
    }

    /** An applied reconciliation, its lines and the stock it changed. */
    public record Applied(Reconciliation reconciliation, List<Reconciliation.Line> lines,
                          StockService.StockChange change) {
    }

    private final ReconciliationRepository reconciliations;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final StockRepository levels;
    private final StockService stock;
    private final OutboxRepository outbox;
    private final InventoryEvents events;
    private final AfterCommit afterCommit;
    private final MeterRegistry registry;
    private final ShrinkageService shrinkage;

    public ReconciliationService(ReconciliationRepository reconciliations, ProductRepository products,
                                 LocationRepository locations, StockRepository levels, StockService stock,
                                 OutboxRepository outbox, InventoryEvents events, AfterCommit afterCommit,
                                 MeterRegistry registry, ShrinkageService shrinkage) {
        this.shrinkage = shrinkage;
        this.reconciliations = reconciliations;
        this.products = products;
        this.locations = locations;
        this.levels = levels;
        this.stock = stock;
        this.outbox = outbox;
        this.events = events;
        this.afterCommit = afterCommit;
        this.registry = registry;
    }

    /**
     * Records the reconciliation of a cycle count: products resolved by GTIN (compared as 14 digits; the productId
     * device-gateway resolved is the fallback for a GTIN the catalog does not have), expected = on hand at the
     * location now. Idempotent on the observationId. Exit reads are not counts of stock and are ignored here
     * (ShrinkageService takes them). Open POSSIBLE_SHRINKAGE alerts of the counted products at the location
     * resolve: the count is the answer to "is it really gone?".
     */
    @Transactional
    @WithSpan("ReconciliationService.record")
    public Outcome record(Observation observation) {
        if (observation.kind() != Observation.Kind.CYCLE_COUNT) {
            return Outcome.IGNORED;
        }
        if (locations.existing(List.of(observation.locationId())).isEmpty()) {
            return Outcome.UNKNOWN_LOCATION;
        }
        if (reconciliations.find(observation.observationId()).isPresent()) {
            return Outcome.DUPLICATE;
        }
        ProductRepository.References refs =
                products.resolve(observation.productIds(), Set.of(), observation.gtin14s());
        List<Reconciliation.Counted> counted = new ArrayList<>(observation.counts().size());
        Set<String> productIds = new HashSet<>();
        for (Observation.Count count : observation.counts()) {
            String productId = Gtin.isValid(count.gtin()) ? refs.byGtin14().get(Gtin.normalize(count.gtin())) : null;
            if (productId == null && count.productId() != null) {
                productId = refs.byId().get(count.productId());
            }
            if (productId != null) {
                productIds.add(productId);
            }
            counted.add(new Reconciliation.Counted(count.gtin(), productId, count.count()));
        }
        var cycleCount = new Reconciliation.CycleCount(observation.observationId(), observation.locationId(),
                observation.deviceId(), observation.zone(), observation.startedAt(), observation.endedAt());
        var comparison = Reconciliation.compare(cycleCount, counted,
                levels.onHandAt(observation.locationId(), productIds), Instant.now());
        if (!reconciliations.insert(comparison.reconciliation(), comparison.lines())) {
            return Outcome.DUPLICATE;
        }
        List<OutboxMessage> out = new ArrayList<>();
        shrinkage.resolveCounted(observation.observationId(), observation.locationId(), comparison.lines(),
                comparison.reconciliation().recordedAt(), out);
        outbox.append(out);
        int shrinkage = comparison.reconciliation().shrinkageUnits();
        afterCommit.run(() -> {
            registry.counter("salespulse.reconciliations").increment();
            registry.counter("salespulse.reconciliation.shrinkage.units").increment(shrinkage);
        });
        return Outcome.RECORDED;
    }

    /** Dead-letters an observation that cannot be reconciled, in its own transaction. */
    @Transactional
    public void deadLetter(DeadLetter deadLetter) {
        outbox.append(List.of(events.deadLetter(deadLetter)));
    }

    /**
     * Books the differences (COUNT movements, one per product that differs) and marks the reconciliation APPLIED;
     * 409 when it was applied already. The movements' event id is the reconciliation id, so even a second attempt
     * that got past the status check would book nothing.
     */
    @Transactional
    @WithSpan("ReconciliationService.apply")
    public Applied apply(UUID id, String user) {
        Reconciliation open = reconciliations.lock(id).orElseThrow(() -> unknown(id));
        if (open.status() == Reconciliation.Status.APPLIED) {
            throw new ProblemException(409, "Reconciliation already applied", "Reconciliation " + id
                    + " was applied at " + open.appliedAt() + " by " + open.appliedBy());
        }
        List<Reconciliation.Line> lines = reconciliations.lines(id);
        String note = "RFID cycle count " + id + (open.zone() == null ? "" : ", zone " + open.zone());
        StockService.StockChange change = stock.applyCorrections(id, open.locationId(),
                Reconciliation.corrections(lines), note, user);
        Reconciliation applied = open.applied(Instant.now(), user);
        reconciliations.markApplied(applied);
        return new Applied(applied, lines, change);
    }

    public Reconciliation find(UUID id) {
        return reconciliations.find(id).orElseThrow(() -> unknown(id));
    }

    public List<Reconciliation.Line> lines(UUID id) {
        return reconciliations.lines(id);
    }

    public Page<Reconciliation> list(String locationId, Reconciliation.Status status, PageRequest page) {
        return reconciliations.list(locationId, status, page);
    }

    private static ProblemException unknown(UUID id) {
        return new ProblemException(404, "Unknown reconciliation", "No reconciliation " + id);
    }
}
