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
import io.salespulse.inventory.domain.LotDirective;
import io.salespulse.inventory.domain.LotShare;
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
import io.salespulse.support.security.StaffLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    private final LotService lots;
    private final Duration halfLife;
    private final String quarantine;

    /** What one application of movements changed: the new movements, the new levels (key order), the alerts. */
    public record StockChange(List<StockMovement> movements, List<StockLevel> levels,
                              List<Alert> alerts) {
        static final StockChange NONE = new StockChange(List.of(), List.of(), List.of());
    }

    /** A manual adjustment and what it did. */
    public record Adjustment(UUID adjustmentId, AdjustmentType type, StockChange change) {
    }

    /** The lot of a receipt or write-off: code, and for a receipt the expiry date (null: does not expire). */
    public record LotRef(String lotCode, LocalDate expiresOn) {
    }

    /**
     * A return and what it did: where the goods were sold ({@code originalLocationId}, null when the sale is unknown
     * to inventory), where they were restocked, and whether the sale was found and the return checked against it.
     */
    public record Return(UUID returnId, String productId, String returnOf, boolean saleVerified,
                         String originalLocationId, String restockLocationId, boolean damaged, StockChange change) {
    }

    public StockService(StockRepository stock, ProductRepository products, LocationRepository locations,
                        AlertRuleService rules, AlertService alerts, OutboxRepository outbox, InventoryEvents events,
                        AfterCommit afterCommit, MeterRegistry registry, LotService lots, InventoryConfig config) {
        this.stock = stock;
        this.products = products;
        this.locations = locations;
        this.rules = rules;
        this.alerts = alerts;
        this.outbox = outbox;
        this.events = events;
        this.afterCommit = afterCommit;
        this.registry = registry;
        this.lots = lots;
        this.halfLife = config.velocityHalfLife();
        this.quarantine = config.quarantineLocation();
    }

    /** One poll batch of sale events: its movements and the dead letters of what could not be applied. */
    @Transactional
    @WithSpan("StockService.applySales")
    public StockChange applySales(List<StockMovement> movements, List<DeadLetter> deadLetters) {
        List<OutboxMessage> out = new ArrayList<>();
        deadLetters.forEach(deadLetter -> out.add(events.deadLetter(deadLetter)));
        StockChange change = apply(movements, Map.of(), Instant.now(), out);
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
     * and is refused (409) when the source has less than the quantity on hand. {@code lot} (RECEIPT and DAMAGE
     * only, else null): a receipt goes into that lot, a write-off comes out of it. Without it, units leaving take
     * from the lots first expiry first out, units arriving are unlotted, and a transfer's units keep their lots.
     */
    @Transactional
    @WithSpan("StockService.adjust")
    public Adjustment adjust(AdjustmentType type, String productId, String locationId, String toLocationId,
                             int quantity, LotRef lot, String note, String user) {
        requireProduct(productId);
        requireLocation(locationId);
        Instant now = Instant.now();
        UUID adjustmentId = UUID.randomUUID();
        LevelKey level = new LevelKey(productId, locationId);
        List<StockMovement> movements = new ArrayList<>();
        Map<StockMovement.Ref, LotDirective> directives = new HashMap<>();
        switch (type) {
            case RECEIPT -> {
                movements.add(StockMovement.of(adjustmentId, 1, level, quantity, MovementCause.RECEIPT, now, user,
                        note));
                if (lot != null) {
                    directives.put(movements.get(0).ref(), new LotDirective.IntoLot(lot.lotCode(), lot.expiresOn()));
                }
            }
            case DAMAGE -> {
                movements.add(StockMovement.of(adjustmentId, 1, level, -quantity, MovementCause.DAMAGE, now, user,
                        note));
                if (lot != null) {
                    directives.put(movements.get(0).ref(), new LotDirective.FromLot(lot.lotCode()));
                }
            }
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
                directives.put(movements.get(1).ref(), new LotDirective.SameLotsAs(movements.get(0).ref()));
            }
        }
        List<OutboxMessage> out = new ArrayList<>();
        StockChange change = apply(movements, directives, now, out);
        outbox.append(out);
        return new Adjustment(adjustmentId, type, change);
    }

    /**
     * Who records a return at the desk: {@code name} for the movement, {@code stores} the stores they are bound to
     * (empty: any store). A bound clerk takes back only what was sold at one of their stores, so no clerk moves
     * another store's stock.
     */
    public record Staff(String name, List<String> stores) {
        public Staff {
            stores = List.copyOf(stores);
        }

        boolean mayWorkAt(String locationId) {
            return StaffLocations.allows(stores, locationId);
        }
    }

    /**
     * A customer return recorded at the counter or the returns desk. When {@code returnOf} is the eventId of a sale
     * inventory has seen, the return is checked against it (the product was sold there, and no more units come back
     * than were sold, 409 otherwise) and restocks where it was sold; otherwise {@code locationId} says where. Damaged
     * goods go to the quarantine location instead, never back into sellable stock. The movement (cause RETURN)
     * carries {@code returnOf}, the link to the sale. A clerk bound to stores records returns of their stores' sales only
     * (403 otherwise).
     */
    @Transactional
    @WithSpan("StockService.recordReturn")
    public Return recordReturn(String productId, String locationId, int quantity, boolean damaged, String returnOf,
                               String note, Staff staff) {
        requireProduct(productId);
        if (locationId != null) {
            requireLocation(locationId);
        }
        List<StockRepository.SaleLine> sale = saleLines(returnOf);
        List<StockRepository.SaleLine> sold = sale.stream().filter(line -> line.productId().equals(productId))
                .toList();
        if (!sale.isEmpty() && sold.isEmpty()) {
            throw new ProblemException(422, "Product not in sale", "Sale " + returnOf + " has no line of " + productId);
        }
        boolean verified = !sold.isEmpty();
        String original = verified ? sold.get(0).locationId() : locationId;
        if (original == null) {
            throw new ProblemException(422, "Unknown sale", "Sale " + returnOf
                    + " is unknown to inventory; say where the goods were sold (locationId)");
        }
        if (locationId != null && !locationId.equals(original)) {
            throw new ProblemException(422, "Wrong location", "Sale " + returnOf + " was made at " + original
                    + ", not at " + locationId);
        }
        if (!staff.mayWorkAt(original)) {
            throw new ProblemException(403, "Location not permitted", "The goods were sold at " + original
                    + "; you record returns only for your stores (" + String.join(", ", staff.stores()) + ")");
        }
        String target = damaged ? quarantine : original;
        if (verified) {
            // Returns of one sale lock the level where it was sold (with the target level, in key order), so two of
            // them cannot both pass this check.
            lock(new ArrayList<>(new TreeSet<>(List.of(new LevelKey(productId, original),
                    new LevelKey(productId, target)))));
            int soldUnits = sold.stream().mapToInt(StockRepository.SaleLine::quantity).sum();
            int returned = stock.returned(returnOf, productId);
            if (returned + quantity > soldUnits) {
                throw new ProblemException(409, "Return exceeds sale", "Sale " + returnOf + " sold " + soldUnits
                        + " of " + productId + ", " + returned + " came back already");
            }
        }
        Instant now = Instant.now();
        UUID returnId = UUID.randomUUID();
        String text = damaged ? joinNote("Damaged; sold at " + original, note) : note;
        StockMovement movement = StockMovement.of(returnId, 1, new LevelKey(productId, target), quantity,
                MovementCause.RETURN, now, staff.name(), text).withReturnOf(returnOf);
        List<OutboxMessage> out = new ArrayList<>();
        StockChange change = apply(List.of(movement), Map.of(), now, out);
        outbox.append(out);
        return new Return(returnId, productId, returnOf, verified, verified ? original : null, target, damaged,
                change);
    }

    /**
     * Books the differences of an RFID reconciliation at {@code locationId} as COUNT movements of event
     * {@code reconciliationId} (one line per product, in product order), so that applying it twice books nothing.
     * The difference is applied rather than the observed count, which keeps the sales made since the count.
     */
    @Transactional
    @WithSpan("StockService.applyCorrections")
    public StockChange applyCorrections(UUID reconciliationId, String locationId, Map<String, Integer> corrections,
                                        String note, String user) {
        Instant now = Instant.now();
        List<StockMovement> movements = new ArrayList<>();
        new TreeMap<>(corrections).forEach((productId, difference) -> movements.add(StockMovement.of(
                reconciliationId, movements.size() + 1, new LevelKey(productId, locationId), difference,
                MovementCause.COUNT, now, user, note)));
        List<OutboxMessage> out = new ArrayList<>();
        StockChange change = apply(movements, Map.of(), now, out);
        outbox.append(out);
        return change;
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

    /** The journal, newest first, each movement with the lots it moved. */
    public Page<StockMovement> movements(String productId, String locationId, Long lotId, PageRequest page) {
        Page<StockMovement> movements = stock.movements(productId, locationId, lotId, page);
        Map<Long, List<LotShare>> lotsOf = lots.lotsOf(movements.items().stream().map(StockMovement::movementId)
                .toList());
        return movements.map(m -> lotsOf.containsKey(m.movementId()) ? m.withLots(lotsOf.get(m.movementId())) : m);
    }

    /**
     * Inserts the movements that are new, adds them up per level, applies each level's total in one upsert (in
     * key order, the lock order), moves their lots (LotService, under those level locks), updates the sales velocity
     * of levels that sold, evaluates alerts and adds the events to {@code out}.
     * Runs in the caller's transaction.
     */
    StockChange apply(Collection<StockMovement> movements, Map<StockMovement.Ref, LotDirective> directives,
                      Instant now, List<OutboxMessage> out) {
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
        Map<LevelKey, Integer> onHandBefore = new HashMap<>();
        levels.forEach(level -> onHandBefore.put(level.key(), level.onHand() - deltas.get(level.key())));
        List<StockMovement> moved = lots.allocate(inserted, onHandBefore, directives, now);

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
        return new StockChange(moved, levels, changedAlerts);
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

    /** The SALE lines of {@code returnOf} when it is the eventId of a sale inventory has seen, else none. */
    private List<StockRepository.SaleLine> saleLines(String returnOf) {
        return StockMovement.saleEventId(returnOf).map(stock::saleLines).orElse(List.of());
    }

    private static String joinNote(String prefix, String note) {
        String text = note == null || note.isBlank() ? prefix : prefix + ". " + note;
        return text.length() > 500 ? text.substring(0, 500) : text;
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
