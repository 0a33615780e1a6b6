package io.salespulse.ingest.domain.webhook;

/** A delivery that failed verification: answered 401, logged with its outcome, never stored. */
public class WebhookRejectedException extends RuntimeException {
    private final String outcome;

    public WebhookRejectedException(String outcome, String detail) {
        super(detail);
        this.outcome = outcome;
    }

    /** unknown_source, missing_signature or bad_signature. */
    public String outcome() {
        return outcome;
    }
}
