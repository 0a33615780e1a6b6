package io.salespulse.devices.domain;

/** GS1 General Specifications, section 7.9: the mod-10 check digit shared by GTIN-8, -12, -13 and -14. */
public final class Gs1 {
    private Gs1() {
    }

    /** True when {@code code} is 8, 12, 13 or 14 digits and its last digit is the correct GS1 check digit. */
    public static boolean isValidGtin(String code) {
        if (code == null) {
            return false;
        }
        int n = code.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(code, n - 1) == code.charAt(n - 1) - '0';
    }

    /**
     * Check digit for the first {@code length} digits: weights 3,1,3,... counted from the rightmost data digit,
     * so the same routine serves every GTIN length (they are all right-aligned in the GS1 scheme).
     */
    public static int checkDigit(CharSequence digits, int length) {
        int sum = 0;
        boolean three = true;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** Normalises a valid GTIN-8/12/13 to its GTIN-14 form (left zero padding keeps the check digit valid). */
    public static String toGtin14(String gtin) {
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** Why a code is not a valid GTIN, for per-scan error messages. */
    public static String explain(String code) {
        if (code == null || code.isEmpty()) {
            return "empty code";
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "not digits only";
        }
        int n = code.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return "length " + n + " is not a GTIN-8, -12, -13 or -14";
        }
        return "check digit " + code.charAt(n - 1) + " is wrong, expected " + checkDigit(code, n - 1);
    }
}
