package io.salespulse.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The stores a staff member works at: the {@code locations} claim (Keycloak user attribute {@code locations}, mapped
 * by the realm's web-frontend and salespulse-cli clients). Services that move stock for staff (sales, POS imports,
 * returns at the desk) record it only at these stores. Empty means not bound: the token has no such claim, or the
 * caller speaks for every store (admins, integrations).
 */
public final class StaffLocations {
    public static final String CLAIM = "locations";

    private StaffLocations() {
    }

    /** The stores {@code caller} is bound to; empty for admins and integrations, whatever their token says. */
    public static List<String> boundOf(SecurityIdentity identity, JsonWebToken caller) {
        return identity.hasRole("admin") || identity.hasRole("integration") ? List.of() : of(caller);
    }

    /** Whether staff bound to {@code stores} (empty: not bound) may move stock at {@code locationId}. */
    public static boolean allows(List<String> stores, String locationId) {
        return stores.isEmpty() || stores.contains(locationId);
    }

    /** The token's {@code locations} claim: a JSON array, or a single string when the mapper is single-valued. */
    public static List<String> of(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        List<String> stores = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s && !s.getString().isBlank()) {
                    stores.add(s.getString());
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> stores.add(String.valueOf(v)));
        } else if (claim instanceof String single && !single.isBlank()) {
            stores.add(single);
        } else if (claim instanceof JsonString single && !single.getString().isBlank()) {
            stores.add(single.getString());
        }
        return List.copyOf(stores);
    }
}
