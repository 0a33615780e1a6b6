package io.salespulse.ingest.domain.webhook;

import java.util.List;
import java.util.Objects;

/**
 * The active signing secrets of one webhook source, current first. Two during a rotation: the platform may still sign
 * with the previous secret until the new one is saved everywhere, so both verify until the old one is removed.
 * {@link #toString()} never shows a secret: configuration objects end up in logs and error messages.
 */
public final class SecretRing {
    public static final int MAX_SECRETS = 2;

    private final List<String> secrets;

    public SecretRing(List<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty() || secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("a source has 1 or " + MAX_SECRETS + " active secrets, not "
                    + secrets.size());
        }
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a webhook secret must not be blank");
            }
        }
        this.secrets = List.copyOf(secrets);
    }

    /** {@code secretA} or {@code secretA|secretB}; a {@code |} or {@code \} inside a secret is escaped with {@code \}. */
    public static SecretRing parse(String value) {
        return new SecretRing(SecretSyntax.split(value, '|').stream().map(SecretSyntax::unescape).toList());
    }

    public List<String> secrets() {
        return secrets;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRing ring && ring.secrets.equals(secrets);
    }

    @Override
    public int hashCode() {
        return secrets.hashCode();
    }

    @Override
    public String toString() {
        return "SecretRing[" + secrets.size() + " secret(s), hidden]";
    }
}
