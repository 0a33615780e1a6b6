package io.salespulse.orders.data;

import io.salespulse.orders.domain.privacy.AuditEntry;
import io.salespulse.orders.domain.privacy.CustomerOrder;
import io.salespulse.orders.domain.privacy.CustomerSource;
import io.salespulse.orders.domain.privacy.CustomerVault.Sealed;
import io.salespulse.orders.domain.privacy.SealedCustomer;
import io.salespulse.orders.domain.privacy.StoredCustomer;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** orders.customers, customer_sources and privacy_audit: the sealed customer store and who accessed it. */
@ApplicationScoped
public class CustomerRepository {
    private static final String LOCK_EXISTING = "SELECT key_id, sealed FROM customers WHERE customer_ref = ? FOR UPDATE";
    private static final String UPSERT = """
            INSERT INTO customers (customer_ref, key_id, sealed, email_index) VALUES (?, ?, ?, ?)
            ON CONFLICT (customer_ref) DO UPDATE
            SET key_id = EXCLUDED.key_id, sealed = EXCLUDED.sealed, email_index = EXCLUDED.email_index, updated_at = now()""";
    private static final String INSERT_SOURCE = """
            INSERT INTO customer_sources (customer_ref, source, external_id) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String FIND = """
            SELECT customer_ref, key_id, sealed, first_seen_at, updated_at FROM customers WHERE customer_ref = ?""";
    private static final String BY_EMAIL_INDEX =
            "SELECT customer_ref FROM customers WHERE email_index = ? ORDER BY customer_ref";
    private static final String SOURCES = """
            SELECT source, external_id, received_at FROM customer_sources WHERE customer_ref = ?
            ORDER BY received_at, source, external_id""";
    private static final String ORDERS = """
            SELECT order_id, type, channel, source, external_id, occurred_at, currency, total
            FROM orders WHERE customer_ref = ? ORDER BY occurred_at, order_id LIMIT ?""";
    private static final String ERASE = "DELETE FROM customers WHERE customer_ref = ?";
    private static final String AUDIT = """
            INSERT INTO privacy_audit (id, action, customer_ref, actor, detail) VALUES (?, ?, ?, ?, ?)""";
    private static final String AUDIT_LOG = """
            SELECT id, action, customer_ref, actor, detail, at FROM privacy_audit ORDER BY at DESC, id LIMIT ?""";

    private final DataSource dataSource;

    public CustomerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a customer in one transaction: the existing row (locked) goes through {@code reseal}, which returns
     * what to write; the source order is remembered and the write audited.
     */
    public void store(String customerRef, Function<Optional<Sealed>, SealedCustomer> reseal, String source,
                      String externalId, String actor) {
        inTransaction(connection -> {
            Optional<Sealed> existing;
            try (PreparedStatement ps = connection.prepareStatement(LOCK_EXISTING)) {
                ps.setString(1, customerRef);
                try (ResultSet rs = ps.executeQuery()) {
                    existing = rs.next() ? Optional.of(new Sealed(rs.getString(1), rs.getBytes(2))) : Optional.empty();
                }
            }
            SealedCustomer customer = reseal.apply(existing);
            try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                ps.setString(1, customerRef);
                ps.setString(2, customer.sealed().keyId());
                ps.setBytes(3, customer.sealed().bytes());
                Jdbc.setText(ps, 4, customer.emailIndex());
                ps.executeUpdate();
            }
            if (source != null && externalId != null) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_SOURCE)) {
                    ps.setString(1, customerRef);
                    ps.setString(2, source);
                    ps.setString(3, externalId);
                    ps.executeUpdate();
                }
            }
            audit(connection, "STORE", customerRef, actor, source);
            return null;
        });
    }

    public Optional<StoredCustomer> find(String customerRef) {
        return inTransaction(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(FIND)) {
                ps.setString(1, customerRef);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredCustomer(rs.getString("customer_ref"),
                            new Sealed(rs.getString("key_id"), rs.getBytes("sealed")),
                            Jdbc.getInstant(rs, "first_seen_at"), Jdbc.getInstant(rs, "updated_at")));
                }
            }
        });
    }

    public List<String> findByEmailIndex(String emailIndex) {
        return inTransaction(connection -> {
            List<String> refs = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(BY_EMAIL_INDEX)) {
                ps.setString(1, emailIndex);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(rs.getString(1));
                    }
                }
            }
            return refs;
        });
    }

    public List<CustomerSource> sourcesOf(String customerRef) {
        return inTransaction(connection -> {
            List<CustomerSource> sources = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(SOURCES)) {
                ps.setString(1, customerRef);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sources.add(new CustomerSource(rs.getString("source"), rs.getString("external_id"),
                                Jdbc.getInstant(rs, "received_at")));
                    }
                }
            }
            return sources;
        });
    }

    /** The customer's orders, oldest first, at most {@code limit}. */
    public List<CustomerOrder> ordersOf(String customerRef, int limit) {
        return inTransaction(connection -> {
            List<CustomerOrder> orders = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(ORDERS)) {
                ps.setString(1, customerRef);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(new CustomerOrder(rs.getObject("order_id", UUID.class), rs.getString("type"),
                                rs.getString("channel"), rs.getString("source"), rs.getString("external_id"),
                                Jdbc.getInstant(rs, "occurred_at"), rs.getString("currency"),
                                rs.getBigDecimal("total")));
                    }
                }
            }
            return orders;
        });
    }

    /** Deletes the personal data (and its source list) and audits it; false when there was none. */
    public boolean erase(String customerRef, String actor) {
        return inTransaction(connection -> {
            int deleted;
            try (PreparedStatement ps = connection.prepareStatement(ERASE)) {
                ps.setString(1, customerRef);
                deleted = ps.executeUpdate();
            }
            audit(connection, "ERASE", customerRef, actor, deleted == 0 ? "nothing stored" : null);
            return deleted > 0;
        });
    }

    public void audit(String action, String customerRef, String actor, String detail) {
        inTransaction(connection -> {
            audit(connection, action, customerRef, actor, detail);
            return null;
        });
    }

    public List<AuditEntry> auditLog(int limit) {
        return inTransaction(connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(AUDIT_LOG)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getObject("id", UUID.class), rs.getString("action"),
                                rs.getString("customer_ref"), rs.getString("actor"), rs.getString("detail"),
                                Jdbc.getInstant(rs, "at")));
                    }
                }
            }
            return entries;
        });
    }

    private static void audit(Connection connection, String action, String customerRef, String actor, String detail)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(AUDIT)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, action);
            Jdbc.setText(ps, 3, customerRef);
            ps.setString(4, actor);
            Jdbc.setText(ps, 5, detail);
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("customer store", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
