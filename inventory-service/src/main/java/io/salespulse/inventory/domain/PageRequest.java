package io.salespulse.inventory.domain;

/** Which page of a list to read; {@code page} counts from 0. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
