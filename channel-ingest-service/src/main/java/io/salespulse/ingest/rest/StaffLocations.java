package io.salespulse.ingest.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The stores a staff member works at: the {@code locations} claim (Keycloak user attribute {@code locations}, mapped
 * by the realm's web-frontend and salespulse-cli clients). Empty when the token has none: that user is not bound.
 */
final class StaffLocations {
    static final String CLAIM = "locations";

    private StaffLocations() {
    }

    static List<String> of(JsonWebToken token) {
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
