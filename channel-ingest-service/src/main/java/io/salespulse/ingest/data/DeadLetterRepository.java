package io.salespulse.ingest.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.support.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** ingest.dead_letters: what the dead-letter API lists and replays. */
@ApplicationScoped
public class DeadLetterRepository {
    private static final String COLUMNS = """
            id, source, topic, kafka_partition, kafka_offset, record_key, reason, payload, headers::text AS headers,
            failed_at, service, delivery_id, status, received_at, replayed_at, replayed_by, replay_count,
            last_replay_error""";
    private static final String INSERT = """
            INSERT INTO dead_letters (id, source, topic, kafka_partition, kafka_offset, record_key, reason, payload,
                                      headers, failed_at, service, delivery_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";
    private static final String EXISTS = "SELECT 1 FROM dead_letters WHERE id = ?";
    private static final String COUNT_OPEN = "SELECT count(*) FROM dead_letters WHERE status = 'OPEN'";
    private static final String FIND = "SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?";
    private static final String LOCK = FIND + " FOR UPDATE";
    // Optional filters fold away when PostgreSQL plans with the actual parameters; the indexes on (status|source,
    // failed_at DESC, id DESC) serve each combination with the keyset condition.
    private static final String LIST = "SELECT " + COLUMNS + """
             FROM dead_letters
            WHERE (CAST(? AS VARCHAR) IS NULL OR status = ?)
              AND (CAST(? AS VARCHAR) IS NULL OR source = ?)
              AND (CAST(? AS TIMESTAMPTZ) IS NULL OR (failed_at, id) < (?, ?))
            ORDER BY failed_at DESC, id DESC
            LIMIT ?""";
    // A record rejected by several consumers (order-service and inventory-service) is settled by one replay.
    private static final String MARK_REPLAYED = """
            UPDATE dead_letters
               SET status = 'REPLAYED', replayed_at = now(), replayed_by = ?, replay_count = replay_count + 1,
                   last_replay_error = NULL
             WHERE id = ?
                OR (status = 'OPEN' AND topic = ? AND kafka_partition = ? AND kafka_offset = ?)""";
    private static final String REPLAY_FAILED = """
            UPDATE dead_letters SET replay_count = replay_count + 1, last_replay_error = ? WHERE id = ?""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DeadLetterRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts a dead letter made here, in the caller's transaction; a known id is left as it is. */
    public void insert(Connection connection, DeadLetter deadLetter, UUID deliveryId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bind(statement, deadLetter, deliveryId);
            statement.executeUpdate();
        }
    }

    /** Inserts consumed dead letters in one transaction (one JDBC batch); known ids are skipped. */
    public void insertAll(List<Received> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (Received received : deadLetters) {
                    bind(statement, received.deadLetter(), received.deliveryId());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Storing consumed dead letters failed", e);
        }
    }

    public boolean exists(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EXISTS)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading a dead letter failed", e);
        }
    }

    public Optional<DeadLetterRow> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading a dead letter failed", e);
        }
    }

    /** Locks a dead letter for its replay in the caller's transaction (two admins cannot replay it at once). */
    public Optional<DeadLetterRow> lock(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row(row)) : Optional.empty();
            }
        }
    }

    /** How many dead letters wait for a fix and a replay. */
    public long countOpen() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_OPEN);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Counting open dead letters failed", e);
        }
    }

    /**
     * Newest first; {@code status} and {@code source} filter when not null; {@code before} continues a listing
     * after its last row (keyset pagination).
     */
    public List<DeadLetterRow> list(DeadLetterStatus status, String source, Cursor before, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LIST)) {
            String statusName = status == null ? null : status.name();
            statement.setString(1, statusName);
            statement.setString(2, statusName);
            statement.setString(3, source);
            statement.setString(4, source);
            OffsetDateTime failedAt = before == null ? null : OffsetDateTime.ofInstant(before.failedAt(), ZoneOffset.UTC);
            statement.setObject(5, failedAt, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(6, failedAt, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(7, before == null ? null : before.id(), Types.OTHER);
            statement.setInt(8, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<DeadLetterRow> page = new ArrayList<>();
                while (rows.next()) {
                    page.add(row(rows));
                }
                return page;
            }
        } catch (SQLException e) {
            throw new StoreException("Listing dead letters failed", e);
        }
    }

    /** Marks {@code row} (and the other open dead letters of the same record) replayed by {@code actor}. */
    public void markReplayed(Connection connection, DeadLetterRow row, String actor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_REPLAYED)) {
            statement.setString(1, actor);
            statement.setObject(2, row.id());
            statement.setString(3, row.topic());
            statement.setObject(4, row.partition(), Types.INTEGER);
            statement.setObject(5, row.offset(), Types.BIGINT);
            statement.executeUpdate();
        }
    }

    public void replayFailed(Connection connection, UUID id, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPLAY_FAILED)) {
            statement.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    /** A consumed dead letter and, for this service's own webhook dead letters, the delivery it came from. */
    public record Received(DeadLetter deadLetter, UUID deliveryId) {
    }

    /** Where a page of the listing ended. */
    public record Cursor(Instant failedAt, UUID id) {
    }

    private void bind(PreparedStatement statement, DeadLetter deadLetter, UUID deliveryId) throws SQLException {
        statement.setObject(1, deadLetter.id());
        statement.setString(2, truncate(deadLetter.source(), 200));
        statement.setString(3, deadLetter.topic());
        statement.setObject(4, deadLetter.partition(), Types.INTEGER);
        statement.setObject(5, deadLetter.offset(), Types.BIGINT);
        statement.setString(6, deadLetter.key());
        statement.setString(7, truncate(deadLetter.reason(), 2000));
        statement.setString(8, deadLetter.payload() == null ? "" : deadLetter.payload());
        statement.setString(9, headers(deadLetter.headers()));
        statement.setObject(10, OffsetDateTime.ofInstant(
                deadLetter.failedAt() == null ? Instant.now() : deadLetter.failedAt(), ZoneOffset.UTC));
        statement.setString(11, truncate(deadLetter.service() == null ? "unknown" : deadLetter.service(), 100));
        statement.setObject(12, deliveryId, Types.OTHER);
    }

    private String headers(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers == null ? Map.of() : headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private DeadLetterRow row(ResultSet row) throws SQLException {
        Map<String, String> headers;
        try {
            headers = json.readValue(row.getString("headers"), new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            headers = Map.of();
        }
        return new DeadLetterRow(row.getObject("id", UUID.class), row.getString("source"), row.getString("topic"),
                (Integer) row.getObject("kafka_partition"), (Long) row.getObject("kafka_offset"),
                row.getString("record_key"), row.getString("reason"), row.getString("payload"), headers,
                instant(row, "failed_at"), row.getString("service"), row.getObject("delivery_id", UUID.class),
                DeadLetterStatus.valueOf(row.getString("status")), instant(row, "received_at"),
                instant(row, "replayed_at"), row.getString("replayed_by"), row.getInt("replay_count"),
                row.getString("last_replay_error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
