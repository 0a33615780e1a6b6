package io.salespulse.inventory.rest;

import io.salespulse.inventory.domain.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0, {@code totalItems} is the size of the whole filtered list. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

    static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                page.totalItems());
    }
}
