package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** inventory.outbox: events written in the transaction that causes them, read and deleted by the relay. */
@ApplicationScoped
public class OutboxRepository {
    static final String INSERT = """
            INSERT INTO outbox (topic, message_key, event_id, event_type, event_time, payload)
            SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[])
            """;
    /** One relay at a time across all instances, so that records leave in id order. */
    static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    static final String NEXT = """
            SELECT id, topic, message_key, event_id, event_type, event_time, payload
              FROM outbox ORDER BY id LIMIT ?
            """;
    static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";
    /** Key of the relay's advisory lock: any constant unique in the database ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Runnable afterCommit = () -> { };

    public OutboxRepository(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Called after every transaction that wrote to the outbox commits: the relay uses it to wake up at once. */
    public void onCommit(Runnable listener) {
        this.afterCommit = listener;
    }

    /** Adds {@code messages} to the current transaction. */
    public void append(Collection<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<String> topics = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (OutboxMessage m : messages) {
            topics.add(m.topic());
            keys.add(m.key());
            ids.add(m.eventId().toString());
            types.add(m.eventType());
            times.add(m.eventTime().toString());
            payloads.add(m.payload());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, Jdbc.textArray(c, topics));
            ps.setArray(2, Jdbc.textArray(c, keys));
            ps.setArray(3, Jdbc.textArray(c, ids));
            ps.setArray(4, Jdbc.textArray(c, types));
            ps.setArray(5, Jdbc.textArray(c, times));
            ps.setArray(6, Jdbc.textArray(c, payloads));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Writing the outbox failed", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    afterCommit.run();
                }
            }
        });
    }

    /** Takes the relay lock for the current transaction; false when another relay holds it. */
    public boolean tryLockRelay() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TRY_LOCK)) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Locking the outbox relay failed", e);
        }
    }

    /** The oldest {@code limit} rows, in the order they must be sent. */
    public List<OutboxMessage> next(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEXT)) {
            ps.setInt(1, limit);
            List<OutboxMessage> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(new OutboxMessage(rs.getLong("id"), rs.getString("topic"),
                            rs.getString("message_key"), rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"), Jdbc.instant(rs, "event_time"), rs.getString("payload")));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the outbox failed", e);
        }
    }

    public void delete(Collection<Long> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setArray(1, c.createArrayOf("int8", ids.toArray(new Long[0])));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Deleting sent outbox rows failed", e);
        }
    }
}
