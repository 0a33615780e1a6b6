package io.salespulse.orders.domain;

/** Why an input is not recorded; it goes to the dead-letter topic with {@link #reason()}. */
public record Rejection(Kind kind, String reason) {

    /** Reason classes, the {@code reason} tag of the salespulse.deadletters metric. */
    public enum Kind {
        MALFORMED_JSON("malformed_json"),
        INVALID_EVENT("invalid_event"),
        UNKNOWN_PRODUCT("unknown_product"),
        INACTIVE_PRODUCT("inactive_product"),
        UNKNOWN_LOCATION("unknown_location"),
        INVALID_CATALOG_RECORD("invalid_catalog_record"),
        REJECTED_BY_DATABASE("rejected_by_database");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
