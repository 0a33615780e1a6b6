package io.salespulse.orders.domain.privacy;

import java.time.Instant;
import java.util.UUID;

/** One access to the customer store: STORE, LOOKUP, EXPORT or ERASE, by whom, when (never the personal data). */
public record AuditEntry(UUID id, String action, String customerRef, String actor, String detail, Instant at) {
}
