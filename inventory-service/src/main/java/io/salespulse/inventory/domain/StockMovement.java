package io.salespulse.inventory.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a stock level. {@code (eventId, lineNo)} is its idempotency key; {@code quantity} is signed (a sale
 * of 3 is -3). {@code movementId} and {@code recordedAt} are null until it is stored.
 */
public record StockMovement(Long movementId, UUID eventId, int lineNo, LevelKey level, int quantity,
                            MovementCause cause, Instant occurredAt, Instant recordedAt, String user, String note) {

    public static StockMovement of(UUID eventId, int lineNo, LevelKey level, int quantity, MovementCause cause,
                                   Instant occurredAt, String user, String note) {
        return new StockMovement(null, eventId, lineNo, level, quantity, cause, occurredAt, null, user, note);
    }
}
