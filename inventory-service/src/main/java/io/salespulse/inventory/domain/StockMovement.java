package io.salespulse.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of a stock level. {@code (eventId, lineNo)} is its idempotency key; {@code quantity} is signed (a sale
 * of 3 is -3). {@code movementId} and {@code recordedAt} are null until it is stored. {@code returnOf} links a
 * return to its sale; {@code lots} are the lots it took from or put into (empty: unlotted stock only).
 */
public record StockMovement(Long movementId, UUID eventId, int lineNo, LevelKey level, int quantity,
                            MovementCause cause, Instant occurredAt, Instant recordedAt, String user, String note,
                            String returnOf, List<LotShare> lots) {

    /** The idempotency key of a movement. */
    public record Ref(UUID eventId, int lineNo) {
    }

    public StockMovement {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    public static StockMovement of(UUID eventId, int lineNo, LevelKey level, int quantity, MovementCause cause,
                                   Instant occurredAt, String user, String note) {
        return new StockMovement(null, eventId, lineNo, level, quantity, cause, occurredAt, null, user, note, null,
                List.of());
    }

    public Ref ref() {
        return new Ref(eventId, lineNo);
    }

    public StockMovement withReturnOf(String sale) {
        return new StockMovement(movementId, eventId, lineNo, level, quantity, cause, occurredAt, recordedAt, user,
                note, sale, lots);
    }

    public StockMovement withLots(List<LotShare> shares) {
        return new StockMovement(movementId, eventId, lineNo, level, quantity, cause, occurredAt, recordedAt, user,
                note, returnOf, shares);
    }

    /** A return's {@code returnOf} as the eventId of a sale; empty when it is another reference (or absent). */
    public static Optional<UUID> saleEventId(String returnOf) {
        if (returnOf == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(returnOf));
        } catch (IllegalArgumentException notAnEventId) {
            return Optional.empty();
        }
    }
}
