package io.salespulse.load;

/**
 * SGTIN-96 encoding (GS1 EPC Tag Data Standard, section 14.5.1): header 0x30, filter (3 bits), partition (3),
 * company prefix and indicator digit + item reference (44 bits split by the partition table), serial (38). The load
 * tool writes tags the way a retailer's tag printer would, so the gateway's decoder sees real EPCs.
 */
final class Sgtin96 {
    static final long MAX_SERIAL = (1L << 38) - 1;
    /** Company prefix bits and digits per partition value 0..6. */
    private static final int[] CP_BITS = {40, 37, 34, 30, 27, 24, 20};
    private static final int[] CP_DIGITS = {12, 11, 10, 9, 8, 7, 6};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final long high;
    private final long itemLow;

    /**
     * The constant part of every tag of one GTIN-14: everything but the serial. {@code companyPrefixDigits} (6-12)
     * picks the partition; GS1 assigns it with the prefix (the demo catalog's GTINs use 7 digits, "4012345").
     */
    Sgtin96(String gtin14, int companyPrefixDigits, int filter) {
        if (gtin14.length() != 14 || !gtin14.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a GTIN-14: " + gtin14);
        }
        if (filter < 0 || filter > 7) {
            throw new IllegalArgumentException("filter is 3 bits: " + filter);
        }
        int partition = 12 - companyPrefixDigits;
        if (partition < 0 || partition > 6) {
            throw new IllegalArgumentException("company prefix has 6 to 12 digits: " + companyPrefixDigits);
        }
        long companyPrefix = Long.parseLong(gtin14.substring(1, 1 + companyPrefixDigits));
        // the indicator digit leads the item reference; the check digit is not encoded
        long itemReference = Long.parseLong(gtin14.charAt(0) + gtin14.substring(1 + companyPrefixDigits, 13));
        int irBits = 44 - CP_BITS[partition];
        // bits 95..38 hold header, filter, partition, company prefix, item reference: 58 bits, as one number
        long upper58 = (0x30L << 50) | ((long) filter << 47) | ((long) partition << 44)
                | (companyPrefix << irBits) | itemReference;
        this.high = upper58 >>> 26;              // bits 95..64 (32 bits)
        this.itemLow = upper58 & ((1L << 26) - 1); // bits 63..38 (26 bits)
    }

    /** 24 hex digits, upper case, appended to {@code out} without intermediate strings. */
    void appendHex(long serial, StringBuilder out) {
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial is 38 bits: " + serial);
        }
        appendHex(high, 8, out);
        appendHex((itemLow << 38) | serial, 16, out);
    }

    String hex(long serial) {
        var out = new StringBuilder(24);
        appendHex(serial, out);
        return out.toString();
    }

    private static void appendHex(long value, int digits, StringBuilder out) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    /** GTIN-8/12/13/14 as 14 digits. */
    static String gtin14(String gtin) {
        return "0".repeat(14 - gtin.length()) + gtin;
    }
}
