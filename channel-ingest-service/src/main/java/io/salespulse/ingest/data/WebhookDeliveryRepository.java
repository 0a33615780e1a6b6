package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.webhook.WebhookChannel;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * ingest.webhook_deliveries. Recording is auto-committed (the 200 goes out only after the row is durable); the
 * worker's statements run on the connection of its claim transaction, so claim and outcome commit together.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {
    private static final String COLUMNS = """
            id, channel, source, topic, delivery_id, received_at, verification, status, body, body_sha256,
            customer_ref, attempts, redeliveries, last_error, processed_at, event_ids""";
    private static final String INSERT = """
            INSERT INTO webhook_deliveries
                (id, channel, source, topic, delivery_id, verification, status, body, body_sha256, customer_ref)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
            ON CONFLICT (source, topic, delivery_id) DO NOTHING""";
    private static final String COUNT_REDELIVERY = """
            UPDATE webhook_deliveries SET redeliveries = redeliveries + 1, last_received_at = now()
             WHERE source = ? AND topic = ? AND delivery_id = ?
            RETURNING id, status""";
    // SKIP LOCKED: instances (and the scheduled and the woken drain of one instance) never wait for each other.
    private static final String LOCK_DUE = "SELECT " + COLUMNS + """
             FROM webhook_deliveries
            WHERE status = 'PENDING' AND next_attempt_at <= now()
            ORDER BY next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String FINISH = """
            UPDATE webhook_deliveries
               SET status = ?, last_error = ?, event_ids = ?, attempts = attempts + 1, processed_at = now()
             WHERE id = ?""";
    private static final String RETRY_LATER = """
            UPDATE webhook_deliveries
               SET attempts = attempts + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
             WHERE id = ?""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ?";
    private static final String DELETE_EXPIRED = """
            DELETE FROM webhook_deliveries d
             USING (SELECT id FROM webhook_deliveries
                     WHERE received_at < now() - make_interval(secs => ?)
                       AND status IN ('PROCESSED', 'DUPLICATE', 'IGNORED')
                     LIMIT ?) expired
             WHERE d.id = expired.id""";

    private final DataSource dataSource;

    public WebhookDeliveryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a new delivery as PENDING, or counts a redelivery of a known one (same source, topic, delivery id). */
    public RecordedDelivery record(NewDelivery delivery) {
        try (Connection connection = dataSource.getConnection()) {
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setString(2, delivery.channel().name());
                insert.setString(3, delivery.source());
                insert.setString(4, delivery.topic());
                insert.setString(5, delivery.deliveryId());
                insert.setString(6, delivery.verification());
                insert.setString(7, delivery.redactedBody());
                insert.setString(8, delivery.bodySha256());
                insert.setString(9, delivery.customerRef());
                if (insert.executeUpdate() == 1) {
                    return new RecordedDelivery(id, false, DeliveryStatus.PENDING);
                }
            }
            try (PreparedStatement count = connection.prepareStatement(COUNT_REDELIVERY)) {
                count.setString(1, delivery.source());
                count.setString(2, delivery.topic());
                count.setString(3, delivery.deliveryId());
                try (ResultSet row = count.executeQuery()) {
                    if (!row.next()) {
                        throw new StoreException("Delivery vanished between insert and redelivery count", null);
                    }
                    return new RecordedDelivery(row.getObject("id", UUID.class), true,
                            DeliveryStatus.valueOf(row.getString("status")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Recording a webhook delivery failed", e);
        }
    }

    /** Locks up to {@code limit} due PENDING deliveries in the caller's transaction. */
    public List<StoredDelivery> lockDue(Connection connection, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_DUE)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredDelivery> due = new ArrayList<>();
                while (rows.next()) {
                    due.add(delivery(rows));
                }
                return due;
            }
        }
    }

    public void finish(Connection connection, UUID id, DeliveryStatus status, String note, List<UUID> eventIds)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            statement.setString(1, status.name());
            statement.setString(2, truncate(note));
            statement.setArray(3, eventIds.isEmpty() ? null : connection.createArrayOf("uuid", eventIds.toArray()));
            statement.setObject(4, id);
            statement.executeUpdate();
        }
    }

    /** The outcome of a delivery settled outside the worker (a replay of its dead letter). */
    public void finish(UUID id, DeliveryStatus status, String note, List<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection()) {
            finish(connection, id, status, note, eventIds);
        } catch (SQLException e) {
            throw new StoreException("Recording the outcome of a webhook delivery failed", e);
        }
    }

    public void retryLater(Connection connection, UUID id, String error, Duration backoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RETRY_LATER)) {
            statement.setString(1, truncate(error));
            statement.setDouble(2, backoff.toMillis() / 1000.0);
            statement.setObject(3, id);
            statement.executeUpdate();
        }
    }

    public Optional<StoredDelivery> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(delivery(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading a webhook delivery failed", e);
        }
    }

    /** Deletes up to {@code limit} settled deliveries older than {@code retention}; returns how many. */
    public int deleteExpired(Duration retention, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(DELETE_EXPIRED)) {
            statement.setDouble(1, retention.toMillis() / 1000.0);
            statement.setInt(2, limit);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Deleting expired webhook deliveries failed", e);
        }
    }

    private static StoredDelivery delivery(ResultSet row) throws SQLException {
        Array ids = row.getArray("event_ids");
        List<UUID> eventIds = ids == null ? List.of()
                : Arrays.stream((Object[]) ids.getArray()).map(id -> UUID.fromString(id.toString())).toList();
        OffsetDateTime processedAt = row.getObject("processed_at", OffsetDateTime.class);
        return new StoredDelivery(row.getObject("id", UUID.class), WebhookChannel.valueOf(row.getString("channel")),
                row.getString("source"), row.getString("topic"), row.getString("delivery_id"),
                row.getObject("received_at", OffsetDateTime.class).toInstant(), row.getString("verification"),
                DeliveryStatus.valueOf(row.getString("status")), row.getString("body"), row.getString("body_sha256"),
                row.getString("customer_ref"), row.getInt("attempts"), row.getInt("redeliveries"),
                row.getString("last_error"), processedAt == null ? null : processedAt.toInstant(), eventIds);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
