package io.salespulse.ingest.domain.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * HMAC-SHA256 webhook signatures as Shopify, WooCommerce and most marketplaces make them: the MAC of the raw body
 * bytes, keyed with the shared secret, sent base64 (or hex) in a header. Verification runs on the bytes exactly as
 * received, before anything parses them, and compares in constant time ({@link MessageDigest#isEqual}).
 */
public final class HmacSignatures {
    private static final String ALGORITHM = "HmacSHA256";

    /** How the signature header encodes the 32 MAC bytes. */
    public enum Encoding {
        BASE64, HEX
    }

    private HmacSignatures() {
    }

    /**
     * Which secret of {@code ring} signed {@code body}: 1 for the first (current), 2 for the second; 0 when none did
     * or the signature is missing or not decodable. Every secret is tried, whichever matches, so the time taken does
     * not tell which one it was.
     */
    public static int verify(byte[] body, String signature, SecretRing ring, Encoding encoding) {
        byte[] provided = decode(signature, encoding);
        if (provided == null) {
            return 0;
        }
        int matched = 0;
        List<String> secrets = ring.secrets();
        for (int i = secrets.size() - 1; i >= 0; i--) {
            if (MessageDigest.isEqual(mac(secrets.get(i), body), provided)) {
                matched = i + 1;
            }
        }
        return matched;
    }

    /** The signature of {@code body} with {@code secret}, as a platform would send it. */
    public static String sign(String secret, byte[] body, Encoding encoding) {
        byte[] mac = mac(secret, body);
        return encoding == Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac);
    }

    public static byte[] mac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static byte[] mac(String secret, byte[] body) {
        return mac(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] decode(String signature, Encoding encoding) {
        if (signature == null || signature.isBlank()) {
            return null;
        }
        try {
            return encoding == Encoding.HEX ? HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notEncoded) {
            return null;
        }
    }
}
