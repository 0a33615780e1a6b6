package io.salespulse.devices.domain;

/**
 * Decodes 96-bit EPCs per the GS1 EPC Tag Data Standard (TDS 2.x, section 14.5.1, SGTIN-96): header 8 bits
 * (0x30), filter 3, partition 3, company prefix and indicator/item reference together 44 bits split by the
 * partition table, serial 38 bits. Works on two longs and a char buffer so the hot path allocates only the result.
 */
public final class Sgtin96Decoder {
    public static final int SGTIN_96_HEADER = 0x30;

    /** Partition table (TDS table 14-2): company prefix bits, digits; item reference bits, digits. */
    private static final int[] CP_BITS = {40, 37, 34, 30, 27, 24, 20};
    private static final int[] CP_DIGITS = {12, 11, 10, 9, 8, 7, 6};
    private static final int[] IR_BITS = {4, 7, 10, 14, 17, 20, 24};
    private static final int[] IR_DIGITS = {1, 2, 3, 4, 5, 6, 7};
    private static final long[] POW10 = new long[13];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Sgtin96Decoder() {
    }

    /** The 8-bit EPC header of a hex string, or -1 when it does not start with two hex digits. */
    public static int header(CharSequence hex) {
        if (hex == null || hex.length() < 2) {
            return -1;
        }
        int hi = Character.digit(hex.charAt(0), 16);
        int lo = Character.digit(hex.charAt(1), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /** Name of the EPC scheme a header announces (TDS table 14-1), for reporting unsupported encodings. */
    public static String scheme(int header) {
        return switch (header) {
            case 0x30 -> "sgtin-96";
            case 0x31 -> "sscc-96";
            case 0x32 -> "sgln-96";
            case 0x33 -> "grai-96";
            case 0x34 -> "giai-96";
            case 0x35 -> "gid-96";
            case 0x36 -> "sgtin-198";
            case 0x37 -> "sgln-195";
            case 0x38 -> "grai-170";
            case 0x39 -> "giai-202";
            case 0x3A -> "sscc-plus";
            case 0x3B -> "sgcn-96";
            case 0x3C -> "gdti-96";
            case 0x3D -> "cpi-96";
            case 0x2C -> "gdti-96";
            case 0xE2 -> "tid";
            default -> "unknown";
        };
    }

    /** True when the hex is exactly 24 hex digits (96 bits). */
    public static boolean isHex96(CharSequence hex) {
        if (hex == null || hex.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes an SGTIN-96 EPC.
     *
     * @throws EpcDecodeException malformed when not 24 hex digits; otherwise (422) when the header is not SGTIN-96,
     *                            the partition is 7 or a field overflows its digit count
     */
    public static Sgtin decode(CharSequence hex) {
        if (!isHex96(hex)) {
            throw new EpcDecodeException("EPC must be 24 hexadecimal digits (96 bits)", true);
        }
        long hi = parseHex(hex, 0, 12); // bits 95..48
        long lo = parseHex(hex, 12, 24); // bits 47..0
        int header = (int) (hi >>> 40);
        if (header != SGTIN_96_HEADER) {
            throw new EpcDecodeException("unsupported EPC encoding " + scheme(header) + " (header 0x"
                    + Integer.toHexString(header) + "), only sgtin-96 is decoded", false);
        }
        int filter = (int) (hi >>> 37) & 0x7;
        int partition = (int) (hi >>> 34) & 0x7;
        if (partition > 6) {
            throw new EpcDecodeException("invalid SGTIN-96 partition value 7", false);
        }
        // The 44 bits after the partition: 34 in hi, 10 at the top of lo.
        long middle = (hi & ((1L << 34) - 1)) << 10 | lo >>> 38;
        long serial = lo & ((1L << 38) - 1);
        int irBits = IR_BITS[partition];
        long companyPrefix = middle >>> irBits;
        long itemRef = middle & ((1L << irBits) - 1);
        int cpDigits = CP_DIGITS[partition];
        int irDigits = IR_DIGITS[partition];
        if (companyPrefix >= POW10[cpDigits] || itemRef >= POW10[irDigits]) {
            throw new EpcDecodeException("SGTIN-96 company prefix or item reference exceeds its digit count", false);
        }
        String cp = pad(companyPrefix, cpDigits);
        String ir = pad(itemRef, irDigits);
        // GTIN-14 = indicator digit (first of the item reference) + company prefix + rest of item reference + check.
        var gtin = new StringBuilder(14).append(ir.charAt(0)).append(cp).append(ir, 1, ir.length());
        gtin.append((char) ('0' + Gs1.checkDigit(gtin, 13)));
        return new Sgtin(filter, cp, ir, serial, gtin.toString());
    }

    private static long parseHex(CharSequence hex, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v << 4 | Character.digit(hex.charAt(i), 16);
        }
        return v;
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }
}
