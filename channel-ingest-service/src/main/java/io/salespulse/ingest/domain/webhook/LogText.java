package io.salespulse.ingest.domain.webhook;

/** Header values are attacker-controlled until verified: printable, short, one line in the log. */
final class LogText {
    private LogText() {
    }

    static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 120));
        for (int i = 0; i < value.length() && out.length() < 120; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return value.length() > 120 ? out + "…" : out.toString();
    }
}
