package io.salespulse.ingest.domain.webhook;

/** The customer store did not take a delivery's personal data: the delivery is refused (503) to be redelivered. */
public class CustomerStoreUnavailableException extends RuntimeException {

    public CustomerStoreUnavailableException(Throwable cause) {
        super("customer store unavailable", cause);
    }
}
