package io.salespulse.inventory.domain;

import java.time.LocalDate;

/** The part of a movement that took from or went into one lot; signed like the movement (a sale's share is < 0). */
public record LotShare(long lotId, String lotCode, LocalDate expiresOn, int quantity) {

    public static LotShare of(Lot lot, int quantity) {
        return new LotShare(lot.lotId(), lot.lotCode(), lot.expiresOn(), quantity);
    }
}
