package io.salespulse.analytics.data;

import java.sql.SQLException;

/** A failed database call; keeps the SQLSTATE so callers can tell bad data (22xxx, 23xxx) from outages. */
public class DataAccessException extends RuntimeException {
    private final String sqlState;

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLSTATE, or null when the driver or pool gave none (pool timeout, closed connection...). */
    public String sqlState() {
        return sqlState;
    }

    /** True when retrying cannot help: the data itself is wrong (data exception or integrity violation). */
    public boolean isDataError() {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }
}
