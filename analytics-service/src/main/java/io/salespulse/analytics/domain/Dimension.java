package io.salespulse.analytics.domain;

/** The rollup dimensions; {@link #column()} is the value of daily_rollups.dimension. */
public enum Dimension {
    TOTAL("total"),
    CHANNEL("channel"),
    CATEGORY("category"),
    LOCATION("location"),
    REGION("region"),
    PRODUCT("product"),
    /** Keys are {@link ChannelSource#key()}: a source belongs to a channel. */
    SOURCE("source");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static Dimension ofColumn(String column) {
        for (Dimension d : values()) {
            if (d.column.equals(column)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension " + column);
    }
}
