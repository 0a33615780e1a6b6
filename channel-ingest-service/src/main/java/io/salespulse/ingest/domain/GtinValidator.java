package io.salespulse.ingest.domain;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

public class GtinValidator implements ConstraintValidator<Gtin, String> {
    // Compiled once: String.matches compiles its pattern on every call, and this runs for every line that names a GTIN.
    private static final Pattern DIGITS = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    /** GS1 mod-10: from the right, digits are weighted 3, 1, 3, ... excluding the check digit itself. */
    public static boolean isValid(String gtin) {
        if (gtin == null || !DIGITS.matcher(gtin).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = gtin.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (gtin.charAt(i) - '0') * weight;
        }
        int check = (10 - sum % 10) % 10;
        return check == gtin.charAt(gtin.length() - 1) - '0';
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValid(value);
    }
}
