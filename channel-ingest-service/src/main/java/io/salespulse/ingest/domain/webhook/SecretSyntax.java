package io.salespulse.ingest.domain.webhook;

import java.util.ArrayList;
import java.util.List;

/**
 * The escaping of secret lists in configuration ({@code shop=secretA|secretB,other=secretC}): a backslash makes the
 * next character literal, so secrets may contain {@code , = |} (WooCommerce generates secrets with punctuation).
 */
final class SecretSyntax {
    private SecretSyntax() {
    }

    /** Splits at unescaped {@code separator}; the parts keep their escapes. */
    static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Index of the first unescaped {@code c}, or -1. */
    static int indexOfUnescaped(String value, char c) {
        for (int i = 0; i < value.length(); i++) {
            char at = value.charAt(i);
            if (at == '\\') {
                i++;
            } else if (at == c) {
                return i;
            }
        }
        return -1;
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
