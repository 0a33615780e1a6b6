package io.salespulse.ingest.domain.webhook;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Country and region hints from a shipping address: the ISO 3166-1 alpha-2 country and an ISO 3166-2 style region
 * ({@code IT} + {@code MI} -> {@code IT-MI}). A hint that does not look right is dropped rather than failing the order:
 * it is a hint.
 */
record Regions(String country, String region) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");

    static Regions of(String countryCode, String provinceCode) {
        String country = countryCode == null ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        if (country == null || !COUNTRY.matcher(country).matches()) {
            return new Regions(null, null);
        }
        String province = provinceCode == null ? null : provinceCode.strip().toUpperCase(Locale.ROOT);
        if (province != null && province.startsWith(country + "-")) {
            province = province.substring(3);
        }
        String region = province != null && SUBDIVISION.matcher(province).matches() ? country + "-" + province : null;
        return new Regions(country, region);
    }

    boolean isEmpty() {
        return country == null;
    }
}
