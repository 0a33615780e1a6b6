package io.salespulse.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.data.AfterCommit;
import io.salespulse.inventory.data.LotRepository;
import io.salespulse.inventory.domain.FefoAllocator;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Lot;
import io.salespulse.inventory.domain.LotDirective;
import io.salespulse.inventory.domain.LotShare;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.StockMovement;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lots: which batches the units of a level belong to. {@code stock_levels.on_hand} stays the truth and lots are an
 * allocation of it, kept at most {@code max(on_hand, 0)} in total: units leaving a level (sales, damage, negative
 * counts, transfers out) are taken from its lots first expiry first out, and only what the lots cannot cover comes
 * from unlotted stock; units arriving without a lot code (returns, receipts without lot) are unlotted.
 */
@ApplicationScoped
public class LotService {
    /** Orders the movements of one apply for allocation: by event time, then by idempotency key. */
    private static final Comparator<StockMovement> ALLOCATION_ORDER = Comparator
            .comparing(StockMovement::occurredAt)
            .thenComparing(StockMovement::eventId)
            .thenComparingInt(StockMovement::lineNo);

    private final LotRepository lots;
    private final AfterCommit afterCommit;
    private final MeterRegistry registry;

    public LotService(LotRepository lots, AfterCommit afterCommit, MeterRegistry registry) {
        this.lots = lots;
        this.afterCommit = afterCommit;
        this.registry = registry;
    }

    /**
     * Moves the lots of freshly inserted movements, in the caller's transaction, which must hold the row locks of
     * the movements' levels already (StockService.apply updated them): lots are only written under their level's
     * lock. {@code onHandBefore} is each level's on hand before these movements. Returns the movements with their
     * lot shares. Sales batches pass no directives: one locking read of the sold levels' lots, then, only if there
     * are lots, one update of lot quantities and one insert of lot movements, whatever the batch size.
     */
    List<StockMovement> allocate(List<StockMovement> inserted, Map<LevelKey, Integer> onHandBefore,
                                 Map<StockMovement.Ref, LotDirective> directives, Instant now) {
        Set<LevelKey> fefoLevels = new TreeSet<>();
        for (StockMovement m : inserted) {
            if (m.quantity() < 0 && !(directives.get(m.ref()) instanceof LotDirective.FromLot)) {
                fefoLevels.add(m.level());
            }
        }
        if (fefoLevels.isEmpty() && directives.isEmpty()) {
            return inserted;
        }
        Map<LevelKey, FefoAllocator> allocators = new HashMap<>();
        Map<Long, Lot> known = new HashMap<>();
        lots.lockInStock(fefoLevels).forEach((level, inStock) -> {
            allocators.put(level, new FefoAllocator(inStock));
            inStock.forEach(lot -> known.put(lot.lotId(), lot));
        });

        Map<StockMovement.Ref, List<LotShare>> shares = new HashMap<>();
        Map<Long, Integer> deltas = new LinkedHashMap<>();
        List<StockMovement> ordered = inserted.stream().sorted(ALLOCATION_ORDER).toList();
        // Units leave first, so that the arriving side of a transfer knows which lots its units came from.
        for (StockMovement m : ordered) {
            if (m.quantity() >= 0) {
                continue;
            }
            List<LotShare> taken;
            if (directives.get(m.ref()) instanceof LotDirective.FromLot from) {
                taken = takeFromLot(m, from.lotCode(), deltas, known);
            } else {
                FefoAllocator allocator = allocators.get(m.level());
                taken = allocator == null ? List.of() : allocator.take(-m.quantity());
            }
            record(m, taken, shares, deltas);
        }
        // A level that was oversold (on hand < 0) has no lotted units (sum of lots <= max(on hand, 0)); the units that
        // arrive into lots first make up for what was sold beyond the books, which came from this delivery as far as
        // anyone can tell.
        Map<LevelKey, Integer> deficit = new HashMap<>();
        onHandBefore.forEach((level, onHand) -> deficit.put(level, Math.max(0, -onHand)));
        for (StockMovement m : ordered) {
            if (m.quantity() <= 0) {
                continue;
            }
            LotDirective directive = directives.get(m.ref());
            List<LotShare> put = new ArrayList<>();
            if (directive instanceof LotDirective.IntoLot into) {
                Lot lot = ensureLot(m.level(), into.lotCode(), into.expiresOn(), now, now, known);
                put.add(LotShare.of(lot, credit(m.level(), m.quantity(), deficit)));
            } else if (directive instanceof LotDirective.SameLotsAs same) {
                for (LotShare source : shares.getOrDefault(same.source(), List.of())) {
                    Lot from = known.get(source.lotId());
                    Lot lot = ensureLot(m.level(), from.lotCode(), from.expiresOn(), from.receivedAt(), now, known);
                    put.add(LotShare.of(lot, credit(m.level(), -source.quantity(), deficit)));
                }
            }
            record(m, put.stream().filter(share -> share.quantity() != 0).toList(), shares, deltas);
        }

        deltas.values().removeIf(delta -> delta == 0);
        lots.change(deltas, now);
        List<LotRepository.LotMovement> rows = new ArrayList<>();
        List<StockMovement> result = new ArrayList<>(inserted.size());
        for (StockMovement m : inserted) {
            List<LotShare> of = shares.getOrDefault(m.ref(), List.of());
            of.forEach(share -> rows.add(new LotRepository.LotMovement(m.movementId(), share.lotId(),
                    share.quantity())));
            result.add(of.isEmpty() ? m : m.withLots(of));
        }
        lots.insertMovements(rows);
        return result;
    }

    public Page<LotRepository.LotView> list(String productId, String locationId, boolean includeEmpty,
                                            PageRequest page) {
        return lots.list(productId, locationId, includeEmpty, Instant.now(), page);
    }

    /** Lots with stock expiring within {@code days} days at their location, and those already expired. */
    public Page<LotRepository.LotView> expiring(int days, String locationId, String productId, PageRequest page) {
        return lots.expiring(days, locationId, productId, Instant.now(), page);
    }

    /** The lots each of these stored movements moved. */
    public Map<Long, List<LotShare>> lotsOf(Collection<Long> movementIds) {
        return lots.lotsOf(movementIds);
    }

    /**
     * Flags lots with stock whose expiry date has passed at their location (up to {@code limit} per call); returns
     * them. Expired stock stays on hand until a manager writes it off (DAMAGE with its lotCode).
     */
    @Transactional
    @WithSpan("LotService.flagExpired")
    public List<Lot> flagExpired(Instant now, int limit) {
        List<Lot> flagged = lots.flagExpired(now, limit);
        if (!flagged.isEmpty()) {
            afterCommit.run(() -> registry.counter("salespulse.lots.expired").increment(flagged.size()));
        }
        return flagged;
    }

    private List<LotShare> takeFromLot(StockMovement m, String lotCode, Map<Long, Integer> deltas,
                                       Map<Long, Lot> known) {
        Lot lot = lots.lockByCode(m.level(), lotCode).orElseThrow(() -> new ProblemException(404, "Unknown lot",
                "No lot " + lotCode + " of " + m.level().productId() + " at " + m.level().locationId()));
        known.put(lot.lotId(), lot);
        int left = lot.quantityOnHand() + deltas.getOrDefault(lot.lotId(), 0);
        if (left < -m.quantity()) {
            throw new ProblemException(409, "Insufficient stock in lot", "Lot " + lotCode + " of "
                    + m.level().productId() + " at " + m.level().locationId() + " has " + left + " on hand");
        }
        return List.of(LotShare.of(lot, m.quantity()));
    }

    /**
     * The lot {@code lotCode} of a level, created (empty) when new. A lot code names one production batch, so an
     * existing lot with another expiry date is a conflict rather than a second lot.
     */
    private Lot ensureLot(LevelKey level, String lotCode, LocalDate expiresOn, Instant receivedAt, Instant now,
                          Map<Long, Lot> known) {
        Lot lot = lots.lockByCode(level, lotCode).orElse(null);
        if (lot == null) {
            lot = lots.insert(level, lotCode, expiresOn, receivedAt, now);
        } else if (expiresOn != null && !expiresOn.equals(lot.expiresOn())) {
            throw new ProblemException(409, "Lot expiry mismatch", "Lot " + lotCode + " of " + level.productId()
                    + " at " + level.locationId() + " expires on " + lot.expiresOn() + ", not " + expiresOn);
        }
        known.put(lot.lotId(), lot);
        return lot;
    }

    private static int credit(LevelKey level, int quantity, Map<LevelKey, Integer> deficit) {
        int owed = deficit.getOrDefault(level, 0);
        int charged = Math.min(owed, quantity);
        deficit.put(level, owed - charged);
        return quantity - charged;
    }

    private static void record(StockMovement m, List<LotShare> of, Map<StockMovement.Ref, List<LotShare>> shares,
                               Map<Long, Integer> deltas) {
        if (of.isEmpty()) {
            return;
        }
        shares.put(m.ref(), of);
        of.forEach(share -> deltas.merge(share.lotId(), share.quantity(), Integer::sum));
    }
}
