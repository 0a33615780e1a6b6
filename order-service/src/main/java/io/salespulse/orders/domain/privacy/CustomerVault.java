package io.salespulse.orders.domain.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Encryption at rest of the customer store: AES-256-GCM with a random 96-bit IV per seal and the customer reference
 * as additional authenticated data, under named keys so that old rows stay readable after a rotation (new seals
 * always use the active key). The e-mail index is an HMAC under a separate key: equality lookups without clear text.
 */
public final class CustomerVault {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecretKeySpec indexKey;

    public CustomerVault(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one encryption key is needed");
        }
        this.keys = new LinkedHashMap<>();
        keys.forEach((id, key) -> this.keys.put(id, aesKey(id, key)));
        if (!this.keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key '" + activeKeyId + "' is not among the keys "
                    + this.keys.keySet());
        }
        if (indexKey == null || indexKey.length < 32) {
            throw new IllegalArgumentException("the e-mail index key must have at least 32 bytes");
        }
        this.activeKeyId = activeKeyId;
        this.indexKey = new SecretKeySpec(indexKey, "HmacSHA256");
    }

    /**
     * Parses configuration: {@code keys} as comma-separated {@code id=base64(32 bytes)} pairs, the id of the active
     * key (default: the first), and the base64 index key.
     */
    public static CustomerVault fromConfig(String keys, String activeKeyId, String indexKey) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String pair : keys.split(",")) {
            String entry = pair.strip();
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("encryption keys must be id=base64 pairs, separated by commas");
            }
            parsed.put(entry.substring(0, eq).strip(), decode(entry.substring(eq + 1).strip(), "encryption key"));
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? parsed.keySet().iterator().next()
                : activeKeyId.strip();
        return new CustomerVault(parsed, active, decode(indexKey == null ? "" : indexKey.strip(), "index key"));
    }

    public Sealed seal(String customerRef, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), iv, customerRef);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new Sealed(activeKeyId, ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Opens a sealed row; throws {@link IllegalStateException} for an unknown key or tampered data. */
    public byte[] open(String customerRef, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("customer data sealed with key '" + sealed.keyId()
                    + "', which is not configured any more");
        }
        byte[] data = sealed.bytes();
        if (data.length <= IV_BYTES) {
            throw new IllegalStateException("sealed customer data is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, IV_BYTES), customerRef);
            return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed customer data does not authenticate (wrong key or tampered)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The index of an e-mail address (trimmed, lower case); null for none. */
    public String emailIndex(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            byte[] digest = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String customerRef)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(customerRef.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKeySpec aesKey(String id, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("encryption key '" + id + "' must have 32 bytes (AES-256), not "
                    + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not valid base64");
        }
    }

    /** Ciphertext with the id of the key that made it. */
    public record Sealed(String keyId, byte[] bytes) {
    }
}
