package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.EventIdentity;

/** The outcome of claiming an idempotency key. */
public sealed interface KeyClaim {

    /** This request holds the key (new, or taken over from a failed or dead attempt) and publishes {@code identity}. */
    record Owned(EventIdentity identity, boolean takenOver) implements KeyClaim {
    }

    /** Another request holds or completed the key. */
    record Held(IdempotencyRecord record) implements KeyClaim {
    }
}
