package io.salespulse.ingest.domain;

/** The caller named a source it may not speak for ({@link SourcePolicy}). */
public class SourceNotPermittedException extends RuntimeException {
    public SourceNotPermittedException(String source) {
        super("Only the integration and admin roles may name the source \"" + source + "\"; staff post without a "
                + "source (recorded as api:<your username>) or for a store (store:<locationId>)");
    }
}
