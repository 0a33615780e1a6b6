package io.salespulse.inventory;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.AfterCommit;
import io.salespulse.inventory.data.AlertRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.StockRepository;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.AlertDecision;
import io.salespulse.inventory.domain.AlertPolicy;
import io.salespulse.inventory.domain.AlertType;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Raises and resolves stock alerts as levels change, and lets managers acknowledge them. */
@ApplicationScoped
public class AlertService {
    private final AlertRepository alerts;
    private final StockRepository stock;
    private final OutboxRepository outbox;
    private final InventoryEvents events;
    private final AfterCommit afterCommit;
    private final MeterRegistry registry;
    private final AlertPolicy policy;
    private final String quarantine;

    public AlertService(AlertRepository alerts, StockRepository stock, OutboxRepository outbox,
                        InventoryEvents events, AfterCommit afterCommit, MeterRegistry registry,
                        InventoryConfig config) {
        this.alerts = alerts;
        this.stock = stock;
        this.outbox = outbox;
        this.events = events;
        this.afterCommit = afterCommit;
        this.registry = registry;
        this.policy = new AlertPolicy(config.alerts().resolveMargin(), config.stockoutHorizon(),
                config.velocityHalfLife());
        this.quarantine = config.quarantineLocation();
    }

    /**
     * Applies the alert policy to levels that just changed, in the caller's transaction (which holds the levels'
     * row locks, so no other writer evaluates the same level at the same time). Adds the transitions' events to
     * {@code out} and returns the alerts that changed. A level that never had a movement (created by setting its
     * thresholds before any stock arrived) raises nothing: an empty shelf nobody ever stocked is no news. Nor does the
     * quarantine location: nobody reorders damaged returns.
     */
    public List<Alert> evaluate(Collection<StockLevel> changedLevels, Instant now, List<OutboxMessage> out) {
        List<StockLevel> levels = changedLevels.stream()
                .filter(level -> level.causeEventId() != null && !quarantine.equals(level.key().locationId()))
                .toList();
        if (levels.isEmpty()) {
            return List.of();
        }
        Map<LevelKey, Map<AlertType, Alert>> open = new HashMap<>();
        for (Alert alert : alerts.openFor(levels.stream().map(StockLevel::key).toList())) {
            open.computeIfAbsent(alert.level(), k -> new HashMap<>()).put(alert.type(), alert);
        }
        List<Alert> raised = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        for (StockLevel level : levels) {
            Map<AlertType, Alert> openOfLevel = open.getOrDefault(level.key(), Map.of());
            var observation = new AlertPolicy.Observation(level.key(), level.onHand(), level.thresholds(),
                    level.velocity(), now);
            for (AlertDecision decision : policy.evaluate(observation, openOfLevel.keySet())) {
                if (decision.action() == AlertDecision.Action.RAISE) {
                    raised.add(Alert.raise(decision.type(), level.key(), now, decision.details()));
                } else {
                    resolved.add(openOfLevel.get(decision.type()).resolve(now, decision.details()));
                }
            }
        }
        Set<UUID> inserted = alerts.insert(raised);
        Set<UUID> closed = alerts.resolve(resolved);
        List<Alert> changed = new ArrayList<>();
        for (Alert alert : resolved) {
            if (closed.contains(alert.alertId())) {
                changed.add(alert);
            }
        }
        for (Alert alert : raised) {
            if (inserted.contains(alert.alertId())) {
                changed.add(alert);
                afterCommit.run(() -> registry.counter("salespulse.alerts.raised", "type", alert.type().name())
                        .increment());
            }
        }
        changed.forEach(alert -> out.add(events.alert(alert, now)));
        return changed;
    }

    /**
     * Re-evaluates levels with an open STOCKOUT_PREDICTED alert as of {@code now}. Velocities decay while nothing
     * sells, and without a movement nothing else would notice that a prediction no longer holds. Returns how many
     * alerts changed.
     */
    @Transactional
    @WithSpan("AlertService.sweepPredictions")
    public int sweepPredictions(Instant now, int limit) {
        List<StockLevel> levels = stock.lockExisting(alerts.levelsWithOpenPrediction(limit));
        List<OutboxMessage> out = new ArrayList<>();
        int changed = evaluate(levels, now, out).size();
        outbox.append(out);
        return changed;
    }

    /** RAISED -> ACKNOWLEDGED; acknowledging again changes nothing; a resolved alert answers 409. */
    @Transactional
    @WithSpan("AlertService.acknowledge")
    public Alert acknowledge(UUID alertId, String user) {
        Alert alert = alerts.findForUpdate(alertId)
                .orElseThrow(() -> new ProblemException(404, "Unknown alert", "No alert " + alertId));
        Alert acknowledged;
        try {
            acknowledged = alert.acknowledge(user, Instant.now());
        } catch (Alert.IllegalTransitionException e) {
            throw new ProblemException(409, "Alert already resolved", e.getMessage());
        }
        if (acknowledged != alert) {
            alerts.acknowledge(acknowledged);
            outbox.append(List.of(events.alert(acknowledged, acknowledged.acknowledgedAt())));
        }
        return acknowledged;
    }

    public Alert find(UUID alertId) {
        return alerts.find(alertId)
                .orElseThrow(() -> new ProblemException(404, "Unknown alert", "No alert " + alertId));
    }

    public Page<Alert> list(AlertRepository.Filter filter, PageRequest page) {
        return alerts.list(filter, page);
    }
}
