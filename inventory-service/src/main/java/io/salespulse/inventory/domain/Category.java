package io.salespulse.inventory.domain;

import java.time.Instant;

/** A node of the category tree; {@code parentId} is null for a root. */
public record Category(String id, String parentId, String name, Instant createdAt, Instant updatedAt) {
}
