package io.salespulse.ingest.domain;

/** An idempotency key (or externalId) came back with a different request: a client bug, never a retry. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This idempotency key was first used with a different request");
    }
}
