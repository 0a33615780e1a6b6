package io.salespulse.orders.domain;

/** A value, or the reason there is none. */
public sealed interface Result<T> {

    record Ok<T>(T value) implements Result<T> {
    }

    record Rejected<T>(Rejection rejection) implements Result<T> {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(Rejection.Kind kind, String reason) {
        return new Rejected<>(new Rejection(kind, reason));
    }
}
