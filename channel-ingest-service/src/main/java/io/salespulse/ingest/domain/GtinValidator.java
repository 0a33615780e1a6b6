package io.salespulse.ingest.domain;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class GtinValidator implements ConstraintValidator<Gtin, String> {

    /** GS1 mod-10: from the right, digits are weighted 3, 1, 3, ... excluding the check digit itself. */
    public static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
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
