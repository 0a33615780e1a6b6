package io.salespulse.ingest.domain;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** Where the recorded sales are (order-service): what of the sale a return names can still come back. */
public interface SaleLookup {

    /**
     * @param returnOf the sale's eventId, or its externalId within {@code source}
     * @return empty when no such sale is recorded; a failure when the lookup could not be answered
     */
    Uni<Optional<ReturnableSale>> returnable(String returnOf, String source);
}
