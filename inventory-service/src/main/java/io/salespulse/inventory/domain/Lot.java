package io.salespulse.inventory.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A batch of one product at one location: its code, expiry date (null: does not expire) and the units of it still on
 * hand. {@code expiredAt} is when the expiry sweep flagged it, null before.
 */
public record Lot(long lotId, LevelKey level, String lotCode, LocalDate expiresOn, Instant receivedAt,
                  int quantityOnHand, Instant expiredAt, Instant updatedAt) {

    /**
     * First expiry, first out: earliest expiry date first, lots without one last, then the oldest receipt, then the
     * lot id so that the order is total (the same on every instance and in SQL: lots_fefo_idx).
     */
    public static final Comparator<Lot> FEFO = Comparator
            .comparing(Lot::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::receivedAt)
            .thenComparingLong(Lot::lotId);

    /** Past its expiry date on {@code today} (the location's local date): the last day of sale is expiresOn. */
    public boolean isExpiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }
}
