package io.salespulse.inventory.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GS1 Global Trade Item Numbers: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) and GTIN-14, digits only, the last digit a
 * mod-10 check digit (GS1 General Specifications, 7.9.1). Scanners read one item under different lengths, so
 * lookups compare the GTIN zero-padded to 14 digits.
 */
public final class Gtin {
    private static final Pattern FORMAT = Pattern.compile("^([0-9]{8}|[0-9]{12,14})$");

    private Gtin() {
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** Why {@code value} is not a GTIN, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.of("A GTIN has 8, 12, 13 or 14 digits");
        }
        int expected = checkDigit(value.substring(0, value.length() - 1));
        int actual = value.charAt(value.length() - 1) - '0';
        return expected == actual ? Optional.empty()
                : Optional.of("Wrong GTIN check digit: expected " + expected + ", got " + actual);
    }

    /** The GTIN as 14 digits (left-padded with zeros), the form used to compare and look up. */
    public static String normalize(String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return "0".repeat(14 - value.length()) + value;
    }

    /** GS1 mod 10: weights 3 and 1 alternate from the rightmost digit of the body. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
