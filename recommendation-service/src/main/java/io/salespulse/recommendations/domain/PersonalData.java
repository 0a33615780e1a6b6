package io.salespulse.recommendations.domain;

import java.util.regex.Pattern;

/**
 * Strips e-mail addresses and phone numbers from free text a caller supplies before it can reach an LLM prompt.
 * Catalog names, store names, periods and keys never need either, so stripping loses nothing of value.
 */
public final class PersonalData {

    public static final String REDACTED = "[removed]";

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+");
    /**
     * International ({@code +44 …}, {@code 0049 …}) or national ({@code 07700 900123}) numbers with at least eight
     * digits. A leading {@code +} or {@code 0} is required so that dates and periods ({@code 2026-07-01}) survive.
     */
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("(?<![\\w.,-])(\\+|0)\\d[\\d ()/.-]{5,}\\d");
    private static final int MIN_PHONE_DIGITS = 8;

    private PersonalData() {
    }

    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var withoutEmails = EMAIL.matcher(text).replaceAll(REDACTED);
        var m = PHONE_CANDIDATE.matcher(withoutEmails);
        var out = new StringBuilder();
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            m.appendReplacement(out, digits >= MIN_PHONE_DIGITS ? REDACTED : java.util.regex.Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
