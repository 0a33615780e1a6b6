package io.salespulse.inventory.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stock alert and its state machine: RAISED -> ACKNOWLEDGED -> RESOLVED, or RAISED -> RESOLVED. Only resolved
 * alerts are closed; acknowledging says someone is on it, the alert stays open until the stock recovers.
 */
public record Alert(UUID alertId, AlertType type, AlertState state, String productId, String locationId,
                    Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                    Map<String, Object> details) {

    public Alert {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Alert raise(AlertType type, LevelKey level, Instant at, Map<String, Object> details) {
        return new Alert(UUID.randomUUID(), type, AlertState.RAISED, level.productId(), level.locationId(), at,
                null, null, null, details);
    }

    public LevelKey level() {
        return new LevelKey(productId, locationId);
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** Acknowledging twice changes nothing; a resolved alert cannot be acknowledged any more. */
    public Alert acknowledge(String user, Instant at) {
        return switch (state) {
            case RAISED -> new Alert(alertId, type, AlertState.ACKNOWLEDGED, productId, locationId, raisedAt, at,
                    user, null, details);
            case ACKNOWLEDGED -> this;
            case RESOLVED -> throw new IllegalTransitionException("Alert " + alertId + " is already resolved");
        };
    }

    /** Resolves an open alert, keeping why (e.g. the level it recovered to) in its details. */
    public Alert resolve(Instant at, Map<String, Object> resolution) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Alert " + alertId + " is already resolved");
        }
        Map<String, Object> merged = new LinkedHashMap<>(details);
        merged.put("resolution", resolution);
        return new Alert(alertId, type, AlertState.RESOLVED, productId, locationId, raisedAt, acknowledgedAt,
                acknowledgedBy, at, merged);
    }

    /** A one-line summary for people (alerts.v1 message): ids and numbers only, no personal data. */
    public String message() {
        String where = productId + " at " + locationId;
        return switch (state) {
            case RAISED -> switch (type) {
                case LOW_STOCK -> "Low stock: " + where + " has " + details.get("onHand") + " on hand (reorder point "
                        + details.get("reorderPoint") + ")";
                case CRITICAL_STOCK -> "Critical stock: " + where + " has " + details.get("onHand")
                        + " on hand (critical level " + details.get("criticalLevel") + ")";
                case OUT_OF_STOCK -> "Out of stock: " + where + (Boolean.TRUE.equals(details.get("oversold"))
                        ? " (oversold: " + details.get("onHand") + " on hand)" : "");
                case STOCKOUT_PREDICTED -> "Stock-out predicted: " + where + " sells " + details.get("velocityPerHour")
                        + " units/h and runs out in about " + details.get("hoursToStockout") + " h";
                case POSSIBLE_SHRINKAGE -> "Possible shrinkage: " + details.get("units") + " unit(s) of " + where
                        + " left through an exit without a matching sale";
            };
            case ACKNOWLEDGED -> label() + " acknowledged: " + where;
            case RESOLVED -> type == AlertType.POSSIBLE_SHRINKAGE
                    ? label() + " resolved: " + where + " counted" + (details.get("resolution") instanceof Map<?, ?> r
                            ? " (difference " + r.get("difference") + ")" : "")
                    : label() + " resolved: " + where + (details.get("resolution") instanceof Map<?, ?> r
                            ? " has " + r.get("onHand") + " on hand" : "");
        };
    }

    private String label() {
        return switch (type) {
            case LOW_STOCK -> "Low stock";
            case CRITICAL_STOCK -> "Critical stock";
            case OUT_OF_STOCK -> "Out of stock";
            case STOCKOUT_PREDICTED -> "Stock-out prediction";
            case POSSIBLE_SHRINKAGE -> "Possible shrinkage";
        };
    }

    /** Thrown for a transition the state machine does not allow. */
    public static class IllegalTransitionException extends RuntimeException {
        public IllegalTransitionException(String message) {
            super(message);
        }
    }
}
