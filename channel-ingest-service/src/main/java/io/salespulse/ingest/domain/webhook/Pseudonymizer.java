package io.salespulse.ingest.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer pseudonyms for events: {@code cus_} + base64url(HMAC-SHA256(key, input)), where the input is the platform's
 * customer id within its source or, for guests, the normalised e-mail address. Keyed, so nobody without the key can
 * recompute it from a guessed e-mail address; stable, so order-service can link one customer's orders. Without a
 * configured key there is no pseudonym at all (an unkeyed hash of an e-mail address is personal data).
 */
public final class Pseudonymizer {
    public static final String PREFIX = "cus_";

    private final byte[] key;

    public Pseudonymizer(String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return key != null;
    }

    /** The pseudonym of a customer: by platform id when there is one, else by e-mail address; empty without either. */
    public Optional<String> customerRef(String source, String customerId, String email) {
        if (key == null) {
            return Optional.empty();
        }
        if (customerId != null && !customerId.isBlank() && !"0".equals(customerId.strip())) {
            return Optional.of(pseudonym("id:" + source + ":" + customerId.strip()));
        }
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalised.contains("@")) {
            return Optional.of(pseudonym("email:" + normalised));
        }
        return Optional.empty();
    }

    private String pseudonym(String input) {
        byte[] mac = HmacSignatures.mac(key, input.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
