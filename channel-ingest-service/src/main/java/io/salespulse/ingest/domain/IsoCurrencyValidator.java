package io.salespulse.ingest.domain;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Currency;
import java.util.regex.Pattern;

public class IsoCurrencyValidator implements ConstraintValidator<IsoCurrency, String> {
    // Compiled once: String.matches compiles its pattern on every call, and this runs for every order.
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    /** True for a code {@link Currency} knows, written as the contract wants it (three upper-case letters). */
    public static boolean isValid(String code) {
        if (code == null || !THREE_LETTERS.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValid(value);
    }
}
