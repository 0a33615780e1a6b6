package io.salespulse.recommendations.client;

import java.util.List;

/** inventory-service's list envelope {@code {items, page, size, totalItems}}. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
