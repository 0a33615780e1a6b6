package io.salespulse.ingest.domain.webhook;

/**
 * Port to order-service's encrypted customer store: the only place a webhook's personal data (name, e-mail, phone,
 * addresses) may go. Called once per newly recorded delivery, after the pseudonym is made and before the body is
 * redacted. The implementation that really hands the data over is separate work (see README, "Personal data");
 * until then {@link DiscardingCustomerDataSink} drops it and counts what it dropped.
 */
public interface CustomerDataSink {

    void accept(CustomerData customer);
}
