package io.salespulse.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * When stock alerts are raised and resolved. Evaluated after every change of a level, against the alerts of that
 * level that are still open; at most one alert per type and level is open at a time (enforced again by a partial
 * unique index), which is the hysteresis: a crossing raises once, further sales below the threshold raise nothing,
 * and only a recovery past the threshold plus {@code resolveMargin} resolves.
 *
 * <ul>
 *   <li>LOW_STOCK: raised at or below the reorder point; stays open while the level falls further (it is the
 *   "reorder" signal, still true when the shelf is empty); resolved above reorder point + margin.</li>
 *   <li>CRITICAL_STOCK: raised when 0 &lt; onHand &lt;= critical level. A level that jumps straight from above the
 *   critical level to zero raises OUT_OF_STOCK only: the more severe alert says it all. Once raised it stays open
 *   when the level reaches zero; resolved above critical level + margin.</li>
 *   <li>OUT_OF_STOCK: raised at zero or below (oversold is flagged in its details); resolved above margin.</li>
 *   <li>STOCKOUT_PREDICTED: raised when stock is left but the sales velocity empties it within the horizon;
 *   resolved when the forecast recovers to the horizon or beyond, or when the level is out (OUT_OF_STOCK takes
 *   over).</li>
 * </ul>
 */
public final class AlertPolicy {
    private final int resolveMargin;
    private final Duration stockoutHorizon;
    private final Duration velocityHalfLife;

    /** A level as it is after a change. */
    public record Observation(LevelKey level, int onHand, Thresholds thresholds, SalesVelocity velocity,
                              Instant at) {
    }

    public AlertPolicy(int resolveMargin, Duration stockoutHorizon, Duration velocityHalfLife) {
        if (resolveMargin < 0) {
            throw new IllegalArgumentException("The resolve margin cannot be negative");
        }
        this.resolveMargin = resolveMargin;
        this.stockoutHorizon = stockoutHorizon;
        this.velocityHalfLife = velocityHalfLife;
    }

    /** Decisions in AlertType order; empty when the open alerts already match the level. */
    public List<AlertDecision> evaluate(Observation level, Set<AlertType> open) {
        OptionalDouble hoursLeft = level.velocity().hoursToStockout(level.onHand(), level.at(), velocityHalfLife);
        List<AlertDecision> decisions = new ArrayList<>();
        for (AlertType type : AlertType.values()) {
            if (!type.followsStockLevel()) {
                continue;
            }
            if (open.contains(type)) {
                String reason = resolution(type, level, hoursLeft);
                if (reason != null) {
                    decisions.add(new AlertDecision(type, AlertDecision.Action.RESOLVE, resolveDetails(level, reason)));
                }
            } else if (triggered(type, level, hoursLeft)) {
                decisions.add(new AlertDecision(type, AlertDecision.Action.RAISE, raiseDetails(type, level, hoursLeft)));
            }
        }
        return decisions;
    }

    private boolean triggered(AlertType type, Observation level, OptionalDouble hoursLeft) {
        int onHand = level.onHand();
        Thresholds t = level.thresholds();
        return switch (type) {
            case LOW_STOCK -> onHand <= t.reorderPoint();
            case CRITICAL_STOCK -> onHand > 0 && onHand <= t.criticalLevel();
            case OUT_OF_STOCK -> onHand <= 0;
            case STOCKOUT_PREDICTED -> onHand > 0 && hoursLeft.isPresent() && hoursLeft.getAsDouble() < horizonHours();
            case POSSIBLE_SHRINKAGE -> false;
        };
    }

    /** Why an open alert of {@code type} resolves now, or null while it still holds. */
    private String resolution(AlertType type, Observation level, OptionalDouble hoursLeft) {
        int onHand = level.onHand();
        Thresholds t = level.thresholds();
        return switch (type) {
            case LOW_STOCK -> onHand > t.reorderPoint() + resolveMargin ? "RECOVERED" : null;
            case CRITICAL_STOCK -> onHand > t.criticalLevel() + resolveMargin ? "RECOVERED" : null;
            case OUT_OF_STOCK -> onHand > resolveMargin ? "RECOVERED" : null;
            case STOCKOUT_PREDICTED -> {
                if (onHand <= 0) {
                    yield "OUT_OF_STOCK";
                }
                yield hoursLeft.isEmpty() || hoursLeft.getAsDouble() >= horizonHours() ? "RECOVERED" : null;
            }
            case POSSIBLE_SHRINKAGE -> null;
        };
    }

    private Map<String, Object> raiseDetails(AlertType type, Observation level, OptionalDouble hoursLeft) {
        Map<String, Object> details = levelFacts(level);
        Thresholds t = level.thresholds();
        switch (type) {
            case LOW_STOCK -> details.put("threshold", t.reorderPoint());
            case CRITICAL_STOCK -> details.put("threshold", t.criticalLevel());
            case OUT_OF_STOCK -> {
                details.put("threshold", 0);
                details.put("oversold", level.onHand() < 0);
            }
            case STOCKOUT_PREDICTED -> {
                double hours = hoursLeft.orElseThrow();
                details.put("velocityPerHour", round(level.velocity().rateAt(level.at(), velocityHalfLife), 3));
                details.put("hoursToStockout", round(hours, 2));
                details.put("predictedStockoutAt",
                        level.at().plusMillis((long) (hours * 3_600_000)).toString());
                details.put("horizonHours", round(horizonHours(), 2));
            }
        }
        return details;
    }

    private Map<String, Object> resolveDetails(Observation level, String reason) {
        Map<String, Object> details = levelFacts(level);
        details.put("reason", reason);
        return details;
    }

    private static Map<String, Object> levelFacts(Observation level) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("onHand", level.onHand());
        details.put("status", StockStatus.of(level.onHand(), level.thresholds()).name());
        details.put("reorderPoint", level.thresholds().reorderPoint());
        details.put("criticalLevel", level.thresholds().criticalLevel());
        details.put("targetLevel", level.thresholds().targetLevel());
        return details;
    }

    private double horizonHours() {
        return stockoutHorizon.toMillis() / 3_600_000.0;
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
