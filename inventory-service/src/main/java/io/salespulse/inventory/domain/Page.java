package io.salespulse.inventory.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0; {@code totalItems} is the size of the whole filtered list. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
