package io.salespulse.ingest.domain;

import java.util.List;

/** A caller bound to some stores recorded a sale elsewhere ({@link SourcePolicy#mayRecordAt}). */
public class LocationNotPermittedException extends RuntimeException {
    public LocationNotPermittedException(String locationId, String source, List<String> staffLocations) {
        super("Your account records sales only at " + String.join(", ", staffLocations) + "; this order is for "
                + locationId + (source.startsWith(SourcePolicy.STORE_PREFIX) ? " (source " + source + ")" : ""));
    }
}
