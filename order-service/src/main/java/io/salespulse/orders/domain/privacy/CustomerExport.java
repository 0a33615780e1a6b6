package io.salespulse.orders.domain.privacy;

import java.time.Instant;
import java.util.List;

/** Everything the platform holds about one customer: the answer to an access (or portability) request. */
public record CustomerExport(String customerRef, PersonalData personal, Instant firstSeenAt, Instant updatedAt,
                             List<CustomerSource> sources, List<CustomerOrder> orders) {
}
