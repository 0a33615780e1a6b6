package io.salespulse.orders.data;

import java.sql.SQLException;

/** A failed database operation; tells whether the data was at fault or the database was unavailable. */
public class DataAccessException extends RuntimeException {
    private final String sqlState;

    public DataAccessException(String operation, SQLException cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /**
     * True when the statement was refused for the data it carried (SQLSTATE class 22 data exception, 23 integrity
     * constraint violation): retrying the same data cannot succeed. Anything else (connection lost, pool
     * exhausted, server shutting down, serialization failure) may pass on a retry.
     */
    public boolean isDataError() {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }
}
