package io.salespulse.ingest.domain.webhook;

/** A delivery that cannot be mapped; the message says why, for the dead letter (no personal data in it). */
public class MappingException extends RuntimeException {
    public MappingException(String reason) {
        super(reason);
    }
}
