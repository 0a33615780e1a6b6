package io.salespulse.analytics.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the text[] parameters of the multi-row {@code unnest(?::uuid[], ?::numeric[], ...)} statements: one
 * round trip per batch, and PostgreSQL casts each text element exactly (numeric from its decimal string).
 */
final class SqlArrays {
    private SqlArrays() {
    }

    static <T> Array text(Connection connection, List<T> rows, Function<T, ?> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString()
                    : value.toString();
        }
        return connection.createArrayOf("text", values);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
