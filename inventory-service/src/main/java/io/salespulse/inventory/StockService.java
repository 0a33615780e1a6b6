package io.salespulse.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.AfterCommit;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.data.StockRepository;
import io.salespulse.inventory.domain.AdjustmentType;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.MovementCause;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.SalesVelocity;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.domain.StockMovement;
import io.salespulse.inventory.domain.Thresholds;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock levels change only here, and only through movements: every change is a stock_movements row (cause, event,
 * user) and the level is updated atomically in the same transaction, followed in that transaction by the new
 * level's event, the alert transitions and their events (outbox). A movement that exists already (same event and
 * line) changes nothing, which makes redelivered sale events harmless.
 */
@ApplicationScoped
public class StockService {
    private final StockRepository stock;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final AlertRuleService rules;
    private final AlertService alerts;
    private final OutboxRepository outbox;
    private final InventoryEvents events;
    private final AfterCommit afterCommit;
    private final MeterRegistry registry;
    private final Duration halfLife;

    /** What one application of movements changed: the new movements, the new levels (key order), the alerts. */
    public record StockChange(List<StockMovement> movements, List<StockLevel> levels,
                              List<Alert> alerts) {
        static final StockChange NONE = new StockChange(List.of(), List.of(), List.of());
    }

    /** A manual adjustment and what it did. */
    public record Adjustment(UUID adjustmentId, AdjustmentType type, StockChange change) {
    }

    public StockService(StockRepository stock, ProductRepository products, LocationRepository locations,
                        AlertRuleService rules, AlertService alerts, OutboxRepository outbox, InventoryEvents events,
                        AfterCommit afterCommit, MeterRegistry registry, InventoryConfig config) {
        this.stock = stock;
        this.products = products;
        this.locations = locations;
        this.rules = rules;
        this.alerts = alerts;
        this.outbox = outbox;
        this.events = events;
        this.afterCommit = afterCommit;
        this.registry = registry;
        this.halfLife = config.velocityHalfLife();
    }

    /** One poll batch of sale events: its movements and the dead letters of what could not be applied. */
    @Transactional
    @WithSpan("StockService.applySales")
    public StockChange applySales(List<StockMovement> movements, List<DeadLetter> deadLetters) {
        List<OutboxMessage> out = new ArrayList<>();
        deadLetters.forEach(deadLetter -> out.add(events.deadLetter(deadLetter)));
        StockChange change = apply(movements, Instant.now(), out);
        outbox.append(out);
        return change;
    }

    /** Dead-letters a record that could not be applied, in its own transaction. */
    @Transactional
    public void deadLetter(DeadLetter deadLetter) {
        outbox.append(List.of(events.deadLetter(deadLetter)));
    }

    /**
     * A manager's adjustment. COUNT sets the level to the counted quantity (the movement is the difference),
     * DAMAGE removes, RECEIPT adds, TRANSFER moves between two locations as two movements in this one transaction
     * and is refused (409) when the source has less than the quantity on hand.
     */
    @Transactional
    @WithSpan("StockService.adjust")
    public Adjustment adjust(AdjustmentType type, String productId, String locationId, String toLocationId,
                             int quantity, String note, String user) {
        requireProduct(productId);
        requireLocation(locationId);
        Instant now = Instant.now();
        UUID adjustmentId = UUID.randomUUID();
        LevelKey level = new LevelKey(productId, locationId);
        List<StockMovement> movements = new ArrayList<>();
        switch (type) {
            case RECEIPT -> movements.add(StockMovement.of(adjustmentId, 1, level, quantity, MovementCause.RECEIPT,
                    now, user, note));
            case DAMAGE -> movements.add(StockMovement.of(adjustmentId, 1, level, -quantity, MovementCause.DAMAGE,
                    now, user, note));
            case COUNT -> {
                StockLevel current = lock(List.of(level)).get(level);
                movements.add(StockMovement.of(adjustmentId, 1, level, quantity - current.onHand(),
                        MovementCause.COUNT, now, user, note));
            }
            case TRANSFER -> {
                requireLocation(toLocationId);
                LevelKey destination = new LevelKey(productId, toLocationId);
                StockLevel source = lock(List.of(level, destination)).get(level);
                if (source.onHand() < quantity) {
                    throw new ProblemException(409, "Insufficient stock", "Cannot transfer " + quantity + " of "
                            + productId + " from " + locationId + ": " + source.onHand() + " on hand");
                }
                movements.add(StockMovement.of(adjustmentId, 1, level, -quantity, MovementCause.TRANSFER_OUT, now,
                        user, note));
                movements.add(StockMovement.of(adjustmentId, 2, destination, quantity, MovementCause.TRANSFER_IN,
                        now, user, note));
            }
        }
        List<OutboxMessage> out = new ArrayList<>();
        StockChange change = apply(movements, now, out);
        outbox.append(out);
        return new Adjustment(adjustmentId, type, change);
    }

    /** Explicit thresholds for one level (created with nothing on hand if it does not exist yet). */
    @Transactional
    @WithSpan("StockService.setThresholds")
    public StockLevel setThresholds(LevelKey key, Thresholds thresholds) {
        requireProduct(key.productId());
        requireLocation(key.locationId());
        Instant now = Instant.now();
        StockLevel level = stock.setThresholds(key, thresholds, now);
        List<OutboxMessage> out = new ArrayList<>();
        out.add(events.level(level));
        alerts.evaluate(List.of(level), now, out);
        outbox.append(out);
        return level;
    }

    public Page<StockLevel> levels(StockRepository.LevelFilter filter, String sort, PageRequest page) {
        return stock.list(filter, sort, page);
    }

    public Page<StockMovement> movements(String productId, String locationId, PageRequest page) {
        return stock.movements(productId, locationId, page);
    }

    /**
     * Inserts the movements that are new, adds them up per level, applies each level's total in one upsert (in
     * key order, the lock order), updates the sales velocity of levels that sold, evaluates alerts and adds the
     * events to {@code out}. Runs in the caller's transaction.
     */
    StockChange apply(Collection<StockMovement> movements, Instant now, List<OutboxMessage> out) {
        // A batch can hold the same event twice (redelivered while the first copy was still being polled).
        Map<String, StockMovement> distinct = new LinkedHashMap<>();
        movements.forEach(m -> distinct.putIfAbsent(m.eventId() + "/" + m.lineNo(), m));
        List<StockMovement> sorted = distinct.values().stream()
                .sorted(Comparator.comparing(StockMovement::eventId).thenComparingInt(StockMovement::lineNo))
                .toList();
        List<StockMovement> inserted = stock.insertMovements(sorted, now);
        if (inserted.isEmpty()) {
            return StockChange.NONE;
        }
        Map<LevelKey, Integer> deltas = new TreeMap<>();
        Map<LevelKey, StockMovement> latest = new HashMap<>();
        Map<LevelKey, SalesVelocity> sold = new HashMap<>();
        Map<MovementCause, Integer> byCause = new EnumMap<>(MovementCause.class);
        for (StockMovement m : inserted) {
            deltas.merge(m.level(), m.quantity(), Integer::sum);
            latest.merge(m.level(), m, (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
            byCause.merge(m.cause(), 1, Integer::sum);
            if (m.cause() == MovementCause.SALE) {
                sold.merge(m.level(), SalesVelocity.none().record(-m.quantity(), m.occurredAt(), halfLife),
                        (a, b) -> a.merge(b, halfLife));
            }
        }
        Map<String, Thresholds> newLevelThresholds =
                rules.thresholdsFor(new TreeSet<>(deltas.keySet().stream().map(LevelKey::productId).toList()));
        List<StockRepository.LevelDelta> levelDeltas = new ArrayList<>();
        deltas.forEach((key, delta) -> levelDeltas.add(new StockRepository.LevelDelta(key, delta,
                newLevelThresholds.get(key.productId()), latest.get(key).eventId())));
        List<StockLevel> levels = new ArrayList<>(stock.applyDeltas(levelDeltas, now));

        Map<LevelKey, SalesVelocity> velocities = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            StockLevel level = levels.get(i);
            SalesVelocity batch = sold.get(level.key());
            if (batch != null) {
                SalesVelocity merged = level.velocity().merge(batch, halfLife);
                velocities.put(level.key(), merged);
                levels.set(i, level.withVelocity(merged));
            }
        }
        stock.updateVelocities(velocities);

        levels.forEach(level -> out.add(events.level(level)));
        var changedAlerts = alerts.evaluate(levels, now, out);
        afterCommit.run(() -> byCause.forEach((cause, count) ->
                registry.counter("salespulse.stock.movements", "cause", cause.name()).increment(count)));
        return new StockChange(inserted, levels, changedAlerts);
    }

    /** Creates missing levels and locks the given ones (key order); returns them by key. */
    private Map<LevelKey, StockLevel> lock(List<LevelKey> keys) {
        Map<String, Thresholds> thresholds =
                rules.thresholdsFor(new TreeSet<>(keys.stream().map(LevelKey::productId).toList()));
        Map<LevelKey, Thresholds> byLevel = new HashMap<>();
        keys.forEach(key -> byLevel.put(key, thresholds.get(key.productId())));
        Map<LevelKey, StockLevel> locked = new HashMap<>();
        stock.lock(byLevel, Instant.now()).forEach(level -> locked.put(level.key(), level));
        return locked;
    }

    private void requireProduct(String productId) {
        if (products.find(productId).isEmpty()) {
            throw new ProblemException(404, "Unknown product", "No product " + productId);
        }
    }

    private void requireLocation(String locationId) {
        if (locations.existing(List.of(locationId)).isEmpty()) {
            throw new ProblemException(404, "Unknown location", "No location " + locationId);
        }
    }
}
