package io.salespulse.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.AfterCommit;
import io.salespulse.inventory.data.AlertRepository;
import io.salespulse.inventory.data.ExitReadRepository;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.AlertType;
import io.salespulse.inventory.domain.ExitMatcher;
import io.salespulse.inventory.domain.Gtin;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Reconciliation;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.inventory.messaging.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Possible shrinkage from RFID exit reads: EXIT_READ observations are stored per product line, and once due (the
 * settle delay after they were read, so that racing sale events are in) matched with SALE movements of the same
 * product at the same location within the match window, a sold unit justifying one exit. Units without a sale
 * raise a POSSIBLE_SHRINKAGE alert (alerts table, outbox to alerts.v1), one open per product and location; a
 * cycle count of the location that counts the product resolves it.
 */
@ApplicationScoped
public class ShrinkageService {
    private final ExitReadRepository exits;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final AlertRepository alerts;
    private final OutboxRepository outbox;
    private final InventoryEvents events;
    private final AfterCommit afterCommit;
    private final MeterRegistry registry;
    private final ExitMatcher matcher;
    private final Duration window;
    private final Duration settleDelay;

    public ShrinkageService(ExitReadRepository exits, ProductRepository products, LocationRepository locations,
                            AlertRepository alerts, OutboxRepository outbox, InventoryEvents events,
                            AfterCommit afterCommit, MeterRegistry registry, InventoryConfig config) {
        this.exits = exits;
        this.products = products;
        this.locations = locations;
        this.alerts = alerts;
        this.outbox = outbox;
        this.events = events;
        this.afterCommit = afterCommit;
        this.registry = registry;
        this.window = config.shrinkage().matchWindow();
        this.settleDelay = config.shrinkage().settleDelay();
        this.matcher = new ExitMatcher(window);
    }

    /**
     * Stores the lines of an EXIT_READ for matching; idempotent on the observationId. Products are resolved like a
     * cycle count's: by GTIN (as 14 digits), else the productId device-gateway sent; unknown ones are kept unmatched.
     */
    @Transactional
    @WithSpan("ShrinkageService.record")
    public ReconciliationService.Outcome record(Observation observation) {
        if (locations.existing(List.of(observation.locationId())).isEmpty()) {
            return ReconciliationService.Outcome.UNKNOWN_LOCATION;
        }
        ProductRepository.References refs =
                products.resolve(observation.productIds(), Set.of(), observation.gtin14s());
        List<ExitReadRepository.NewExit> lines = new ArrayList<>();
        int lineNo = 0;
        for (Observation.Count count : observation.counts()) {
            lineNo++;
            if (count.count() == 0) {
                continue;
            }
            String productId = Gtin.isValid(count.gtin()) ? refs.byGtin14().get(Gtin.normalize(count.gtin())) : null;
            if (productId == null && count.productId() != null) {
                productId = refs.byId().get(count.productId());
            }
            Instant seenAt = count.seenAt() != null ? count.seenAt() : observation.startedAt();
            lines.add(new ExitReadRepository.NewExit(lineNo, count.gtin(), productId, count.count(), seenAt));
        }
        if (lines.isEmpty()) {
            return ReconciliationService.Outcome.IGNORED;
        }
        return exits.insert(observation.observationId(), observation.locationId(), observation.deviceId(), lines,
                settleDelay) ? ReconciliationService.Outcome.RECORDED : ReconciliationService.Outcome.DUPLICATE;
    }

    /**
     * Matches up to {@code limit} due exit lines with sales and raises or extends alerts for what no sale justifies,
     * in one transaction. One matcher at a time across instances (advisory lock): two would hand the same sold unit
     * to two exits. Returns the number of lines settled (0 when another instance holds the lock).
     */
    @Transactional
    @WithSpan("ShrinkageService.settleDue")
    public int settleDue(Instant now, int limit) {
        if (!exits.tryLockMatcher()) {
            return 0;
        }
        List<ExitReadRepository.DueExit> due = exits.due(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        Map<LevelKey, List<ExitReadRepository.DueExit>> byLevel = new TreeMap<>(
                Comparator.comparing(LevelKey::productId).thenComparing(LevelKey::locationId));
        List<ExitReadRepository.Settlement> settlements = new ArrayList<>();
        for (ExitReadRepository.DueExit exit : due) {
            if (exit.productId() == null) {
                settlements.add(new ExitReadRepository.Settlement(exit, 0, exit.units(), null));
            } else {
                byLevel.computeIfAbsent(new LevelKey(exit.productId(), exit.locationId()), k -> new ArrayList<>())
                        .add(exit);
            }
        }
        List<ExitReadRepository.SaleMatch> matches = new ArrayList<>();
        List<OutboxMessage> out = new ArrayList<>();
        int unjustified = 0;
        for (var entry : byLevel.entrySet()) {
            LevelKey level = entry.getKey();
            List<ExitReadRepository.DueExit> levelExits = entry.getValue();
            List<ExitMatcher.Exit> input = new ArrayList<>();
            for (int i = 0; i < levelExits.size(); i++) {
                input.add(new ExitMatcher.Exit(i, levelExits.get(i).seenAt(), levelExits.get(i).units()));
            }
            Instant from = levelExits.stream().map(ExitReadRepository.DueExit::seenAt).min(Instant::compareTo)
                    .orElseThrow().minus(window);
            Instant to = levelExits.stream().map(ExitReadRepository.DueExit::seenAt).max(Instant::compareTo)
                    .orElseThrow().plus(window);
            List<ExitMatcher.Sale> candidates = exits.sales(level.productId(), level.locationId(), from, to);
            ExitMatcher.Result result = matcher.match(input, candidates);
            Log.debugf("Exits of %s: %d line(s), %d sale(s) in [%s, %s], %d unit(s) unjustified", level,
                    input.size(), candidates.size(), from, to, result.unmatchedUnits());
            for (ExitMatcher.Match m : result.matches()) {
                var exit = levelExits.get(m.exitRef());
                matches.add(new ExitReadRepository.SaleMatch(m.movementId(), exit.observationId(), exit.lineNo(),
                        m.units()));
            }
            UUID alertId = null;
            int unmatched = result.unmatchedUnits();
            if (unmatched > 0) {
                List<ExitMatcher.Settled> suspicious = result.settled().stream()
                        .filter(s -> s.unmatchedUnits() > 0).toList();
                alertId = raiseOrAdd(level, unmatched, suspicious, now, out);
                unjustified += unmatched;
            }
            for (ExitMatcher.Settled s : result.settled()) {
                settlements.add(new ExitReadRepository.Settlement(levelExits.get(s.exit().ref()), s.matchedUnits(),
                        s.unmatchedUnits(), s.unmatchedUnits() > 0 ? alertId : null));
            }
        }
        exits.insertMatches(matches);
        exits.settle(settlements, now);
        outbox.append(out);
        int settled = settlements.size();
        int units = unjustified;
        afterCommit.run(() -> {
            registry.counter("salespulse.shrinkage.exits.settled").increment(settled);
            registry.counter("salespulse.shrinkage.unjustified.units").increment(units);
        });
        return settled;
    }

    private UUID raiseOrAdd(LevelKey level, int units, List<ExitMatcher.Settled> suspicious, Instant now,
                            List<OutboxMessage> out) {
        Instant first = suspicious.stream().map(s -> s.exit().seenAt()).min(Instant::compareTo).orElseThrow();
        Instant last = suspicious.stream().map(s -> s.exit().seenAt()).max(Instant::compareTo).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("units", units);
        details.put("exitReads", suspicious.size());
        details.put("firstExitAt", first.toString());
        details.put("lastExitAt", last.toString());
        details.put("matchWindowSeconds", window.toSeconds());
        Alert alert = Alert.raise(AlertType.POSSIBLE_SHRINKAGE, level, now, details);
        if (!alerts.insert(List.of(alert)).isEmpty()) {
            out.add(events.alert(alert, now));
            afterCommit.run(() -> registry.counter("salespulse.alerts.raised", "type", alert.type().name())
                    .increment());
            return alert.alertId();
        }
        // one is open already: the units add up in it
        return alerts.addToOpenShrinkage(level, units, suspicious.size(), last).orElse(null);
    }

    /**
     * A cycle count settles the question for the products it counted: their open POSSIBLE_SHRINKAGE alerts at the
     * location resolve, with the count's difference in the resolution (negative: units are indeed missing, which
     * applying the reconciliation books). Runs in the caller's transaction; the events go to {@code out}.
     */
    public void resolveCounted(UUID reconciliationId, String locationId, List<Reconciliation.Line> lines,
                               Instant now, List<OutboxMessage> out) {
        Map<LevelKey, Reconciliation.Line> counted = new HashMap<>();
        for (Reconciliation.Line line : lines) {
            if (line.productId() != null) {
                counted.put(new LevelKey(line.productId(), locationId), line);
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        List<Alert> resolved = new ArrayList<>();
        for (Alert open : alerts.openFor(counted.keySet())) {
            if (open.type() != AlertType.POSSIBLE_SHRINKAGE) {
                continue;
            }
            Reconciliation.Line line = counted.get(open.level());
            Map<String, Object> resolution = new LinkedHashMap<>();
            resolution.put("reason", "COUNTED");
            resolution.put("reconciliationId", reconciliationId.toString());
            resolution.put("expected", line.expected());
            resolution.put("observed", line.observed());
            resolution.put("difference", line.difference());
            resolved.add(open.resolve(now, resolution));
        }
        Set<UUID> closed = alerts.resolve(resolved);
        for (Alert alert : resolved) {
            if (closed.contains(alert.alertId())) {
                out.add(events.alert(alert, now));
            }
        }
    }
}
