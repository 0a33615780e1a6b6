package io.salespulse.ingest.domain;

import io.salespulse.support.security.StaffLocations;

import java.util.List;

/**
 * Who may name which {@code source} on POST /orders. The source scopes idempotency (an externalId and an
 * Idempotency-Key are unique within it), so a caller naming another system's source could claim that system's
 * externalIds first: its real sale, arriving later, would be answered as a retry of the forged one and lost.
 * Integrations (and admins) name the systems they connect; staff post as themselves ({@code api:<them>}) or for a
 * store ({@code store:<locationId>}: the web POS, like the POS imports, records counter sales under the store).
 * Staff whose token lists the stores they work at (claim {@code locations}) record sales only there: the order's
 * location, and the store a {@code store:} source names, must be one of them (stock moves where the sale is recorded).
 */
public final class SourcePolicy {
    public static final String STORE_PREFIX = "store:";

    private SourcePolicy() {
    }

    /**
     * @param source         the source the order names (or the caller's own when it names none)
     * @param callerSource   the caller's own, {@code api:<caller>}
     * @param namesAnySource whether the caller's role may speak for any system (integration, admin)
     */
    public static boolean mayName(String source, String callerSource, boolean namesAnySource) {
        return namesAnySource || source.equals(callerSource) || source.startsWith(STORE_PREFIX);
    }

    /**
     * @param locationId     where the sale moves stock
     * @param source         the source the order names
     * @param staffLocations the stores the caller is bound to; empty when the caller is not bound to any
     */
    public static boolean mayRecordAt(String locationId, String source, List<String> staffLocations) {
        return StaffLocations.allows(staffLocations, locationId) && (!source.startsWith(STORE_PREFIX)
                || StaffLocations.allows(staffLocations, source.substring(STORE_PREFIX.length())));
    }
}
