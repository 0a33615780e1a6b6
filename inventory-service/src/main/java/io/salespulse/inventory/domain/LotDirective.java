package io.salespulse.inventory.domain;

import java.time.LocalDate;

/**
 * Which lots a movement of an adjustment moves, when it is not the default: units leaving a level are taken from
 * its lots first-expiry-first-out, units arriving without a lot are unlotted stock.
 */
public sealed interface LotDirective {

    /** A receipt into the lot {@code lotCode} (created when new; {@code expiresOn} must match an existing lot). */
    record IntoLot(String lotCode, LocalDate expiresOn) implements LotDirective {
    }

    /** Units leaving from the lot {@code lotCode} only (writing off an expired or damaged batch). */
    record FromLot(String lotCode) implements LotDirective {
    }

    /** The arriving side of a transfer: into lots of the same codes and expiry as those the other side took from. */
    record SameLotsAs(StockMovement.Ref source) implements LotDirective {
    }
}
