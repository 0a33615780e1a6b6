package io.salespulse.ingest.domain.webhook;

/**
 * Port to order-service's encrypted customer store: the only place a webhook's personal data (name, e-mail, phone,
 * addresses) may go. Called for every verified delivery before it is recorded (a redelivery hands the same data
 * over again, which the store merges); throws {@link CustomerStoreUnavailableException} when the store cannot take
 * it, so that the delivery is refused and redelivered rather than recorded without its customer.
 */
public interface CustomerDataSink {

    void accept(CustomerData customer);
}
