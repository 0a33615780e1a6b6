package io.salespulse.ingest.domain.webhook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of every configured source of one channel, parsed from
 * {@code shop-a.myshopify.com=secretA|secretB, shop-b.myshopify.com=secretC} (environment
 * {@code SALESPULSE_SHOPIFY_SECRETS}). Sources are compared in {@link #normalise normalised} form, so
 * {@code https://Shop.Example.com/} and {@code shop.example.com} are the same WooCommerce site.
 */
public final class SecretRings {
    private final Map<String, SecretRing> bySource;

    public SecretRings(Map<String, SecretRing> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    public static SecretRings none() {
        return new SecretRings(Map.of());
    }

    public static SecretRings parse(String value) {
        Map<String, SecretRing> rings = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return new SecretRings(rings);
        }
        for (String entry : SecretSyntax.split(value, ',')) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = SecretSyntax.indexOfUnescaped(entry, '=');
            if (equals < 0) {
                // Never echo the entry: it may be a secret without its source.
                throw new IllegalArgumentException("every entry must be source=secret (or source=secretA|secretB)");
            }
            String source = normalise(SecretSyntax.unescape(entry.substring(0, equals)));
            if (source.isEmpty()) {
                throw new IllegalArgumentException("an entry has an empty source before '='");
            }
            if (rings.put(source, SecretRing.parse(entry.substring(equals + 1).strip())) != null) {
                throw new IllegalArgumentException("source " + source + " is configured twice");
            }
        }
        return new SecretRings(rings);
    }

    /**
     * Lower case, without scheme and trailing slashes: {@code https://Shop.Example.com/} -> {@code shop.example.com},
     * {@code https://example.com/shop/} -> {@code example.com/shop}.
     */
    public static String normalise(String source) {
        String value = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("https://")) {
            value = value.substring("https://".length());
        } else if (value.startsWith("http://")) {
            value = value.substring("http://".length());
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    public Optional<SecretRing> forSource(String source) {
        return Optional.ofNullable(bySource.get(normalise(source)));
    }

    public int size() {
        return bySource.size();
    }

    @Override
    public String toString() {
        return "SecretRings" + bySource.keySet() + " (secrets hidden)";
    }
}
