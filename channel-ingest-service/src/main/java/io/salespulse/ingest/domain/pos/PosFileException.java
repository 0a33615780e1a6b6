package io.salespulse.ingest.domain.pos;

/** The upload cannot be read as a POS export at all (no header, missing columns, not CSV): nothing was imported. */
public class PosFileException extends RuntimeException {
    public PosFileException(String message) {
        super(message);
    }
}
