package io.salespulse.ingest.domain;

/** The first request with this idempotency key is still being published: the retry came too early. */
public class RequestInProgressException extends RuntimeException {
    public RequestInProgressException() {
        super("A request with this idempotency key is still in progress");
    }
}
