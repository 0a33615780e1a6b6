package io.salespulse.orders.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Keys of the customer store ({@code salespulse.privacy.*}; environment SALESPULSE_PRIVACY_ENCRYPTION_KEYS,
 * SALESPULSE_PRIVACY_ACTIVE_KEY, SALESPULSE_PRIVACY_INDEX_KEY). Operators provide them from their secret store;
 * without them the store refuses personal data (it is never kept unencrypted).
 */
@ConfigMapping(prefix = "salespulse.privacy")
public interface PrivacyConfig {

    /** Comma-separated {@code keyId=base64(32 random bytes)} pairs; old keys stay listed until rows are resealed. */
    Optional<String> encryptionKeys();

    /** The key new data is sealed with (default: the first listed). */
    Optional<String> activeKey();

    /** base64 of at least 32 random bytes for the e-mail lookup index. */
    Optional<String> indexKey();
}
