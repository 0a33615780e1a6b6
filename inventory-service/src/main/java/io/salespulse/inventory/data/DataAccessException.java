package io.salespulse.inventory.data;

import java.sql.SQLException;

/** A database error, unchecked, keeping the SQLState that tells transient failures from bad data. */
public class DataAccessException extends RuntimeException {
    private final String sqlState;

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /**
     * Worth retrying as it is: lost or refused connections (08, 57P, pool timeouts without a state), deadlocks and
     * serialization failures (40), lock timeouts (55P03), exhausted resources (53).
     */
    public boolean isTransient() {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("40")
                || sqlState.startsWith("53") || sqlState.startsWith("57P") || "55P03".equals(sqlState);
    }

    /** Turns a driver exception into this family: unique violations become {@link DuplicateKeyException}. */
    public static DataAccessException translate(String what, SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return new DuplicateKeyException(what, e, Jdbc.constraint(e));
        }
        if ("23503".equals(e.getSQLState())) {
            return new MissingReferenceException(what, e, Jdbc.constraint(e));
        }
        return new DataAccessException(what, e);
    }

    /** A unique constraint refused the write; {@code constraint} names which. */
    public static class DuplicateKeyException extends DataAccessException {
        private final String constraint;

        DuplicateKeyException(String message, SQLException cause, String constraint) {
            super(message, cause);
            this.constraint = constraint;
        }

        public String constraint() {
            return constraint;
        }
    }

    /** A foreign key refused the write: the referenced row does not exist. */
    public static class MissingReferenceException extends DataAccessException {
        private final String constraint;

        MissingReferenceException(String message, SQLException cause, String constraint) {
            super(message, cause);
            this.constraint = constraint;
        }

        public String constraint() {
            return constraint;
        }
    }
}
