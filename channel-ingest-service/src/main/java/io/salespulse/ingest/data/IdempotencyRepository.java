package io.salespulse.ingest.data;

import io.salespulse.ingest.domain.EventIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys in ingest.idempotency_keys. Every statement or JDBC batch is its own auto-committed transaction:
 * the claim must be visible to concurrent requests before the event is published, and its outcome right after.
 */
@ApplicationScoped
public class IdempotencyRepository {
    private static final String INSERT = """
            INSERT INTO idempotency_keys
                (scope, key, request_hash, event_id, external_id, occurred_at, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', now(), now())
            ON CONFLICT (scope, key) DO NOTHING""";
    // Only the same request may take over; a dead PENDING one only after the takeover delay.
    private static final String TAKE_OVER = """
            UPDATE idempotency_keys SET status = 'PENDING', updated_at = now()
             WHERE scope = ? AND key = ? AND request_hash = ?
               AND (status = 'FAILED' OR (status = 'PENDING' AND updated_at < now() - make_interval(secs => ?)))
            RETURNING event_id, external_id, occurred_at""";
    private static final String FIND = """
            SELECT scope, key, request_hash, event_id, external_id, occurred_at, status, created_at, updated_at
              FROM idempotency_keys
             WHERE scope = ? AND key = ?""";
    private static final String MARK_ACCEPTED = """
            UPDATE idempotency_keys SET status = 'ACCEPTED', updated_at = now()
             WHERE scope = ? AND key = ? AND event_id = ?""";
    // A late failure must not undo another attempt's success.
    private static final String MARK_FAILED = """
            UPDATE idempotency_keys SET status = 'FAILED', updated_at = now()
             WHERE scope = ? AND key = ? AND event_id = ? AND status = 'PENDING'""";
    // Bulk claims (POS imports): the keys a batch insert found taken, in one round trip.
    private static final String FIND_ALL = """
            SELECT k.scope, k.key, k.request_hash, k.event_id, k.external_id, k.occurred_at, k.status, k.created_at,
                   k.updated_at
              FROM idempotency_keys k
              JOIN unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[])) AS wanted(scope, key)
                ON k.scope = wanted.scope AND k.key = wanted.key""";
    private static final String DELETE_EXPIRED = """
            DELETE FROM idempotency_keys k
             USING (SELECT scope, key FROM idempotency_keys
                     WHERE created_at < now() - make_interval(secs => ?)
                     LIMIT ?) expired
             WHERE k.scope = expired.scope AND k.key = expired.key""";

    private final DataSource dataSource;

    public IdempotencyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims {@code key} within {@code scope} for a request with {@code requestHash}: inserts it with the
     * {@code candidate} identity, or takes over a FAILED row (or a PENDING one idle for longer than
     * {@code takeoverAfter}) of the same request keeping its stored identity, or reports who holds it.
     */
    public KeyClaim claim(String scope, String key, String requestHash, EventIdentity candidate,
                          Duration takeoverAfter) {
        try (Connection connection = dataSource.getConnection()) {
            // A row can vanish between the statements (retention cleanup): then simply claim again.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(connection, scope, key, requestHash, candidate)) {
                    return new KeyClaim.Owned(candidate, false);
                }
                Optional<EventIdentity> stored = takeOver(connection, scope, key, requestHash, takeoverAfter);
                if (stored.isPresent()) {
                    return new KeyClaim.Owned(stored.get(), true);
                }
                Optional<IdempotencyRecord> held = find(connection, scope, key);
                if (held.isPresent()) {
                    return new KeyClaim.Held(held.get());
                }
            }
            throw new IdempotencyStoreException("Idempotency key kept changing under the claim", null);
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Claiming an idempotency key failed", e);
        }
    }

    /**
     * Claims many keys at once (a JDBC batch of inserts, one query for the ones found taken): the bulk form of
     * {@link #claim} for POS imports and group-committed single orders, with the same outcomes in the same order as
     * {@code requests}. Two requests for one key in one batch: the first owns it, the second finds it held.
     */
    public List<KeyClaim> claimAll(List<ClaimRequest> requests, Duration takeoverAfter) {
        if (requests.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            int[] inserted;
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (ClaimRequest request : requests) {
                    bindInsert(statement, request.scope(), request.key(), request.requestHash(), request.candidate());
                    statement.addBatch();
                }
                inserted = statement.executeBatch();
            }
            List<Integer> taken = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (inserted[i] != 1) {
                    taken.add(i);
                }
            }
            Map<String, IdempotencyRecord> held = taken.isEmpty() ? Map.of()
                    : findAll(connection, taken.stream().map(requests::get).toList());
            List<KeyClaim> claims = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                ClaimRequest request = requests.get(i);
                if (inserted[i] == 1) {
                    claims.add(new KeyClaim.Owned(request.candidate(), false));
                    continue;
                }
                IdempotencyRecord record = held.get(request.scope() + '\n' + request.key());
                boolean abandoned = record != null && record.requestHash().equals(request.requestHash())
                        && record.status() != IdempotencyStatus.ACCEPTED;
                // Rare: a failed or abandoned earlier attempt of the same receipt, or a key that just expired.
                claims.add(record == null || abandoned
                        ? claim(request.scope(), request.key(), request.requestHash(), request.candidate(), takeoverAfter)
                        : new KeyClaim.Held(record));
            }
            return claims;
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Claiming idempotency keys failed", e);
        }
    }

    /** Marks many claims ACCEPTED (one JDBC batch, one transaction). */
    public void markAllAccepted(List<ClaimedKey> keys) {
        markAll(MARK_ACCEPTED, keys);
    }

    public void markAllFailed(List<ClaimedKey> keys) {
        markAll(MARK_FAILED, keys);
    }

    /** One key to claim in a batch. */
    public record ClaimRequest(String scope, String key, String requestHash, EventIdentity candidate) {
    }

    /** A claimed key and the event published under it. */
    public record ClaimedKey(String scope, String key, UUID eventId) {
    }

    public Optional<IdempotencyRecord> find(String scope, String key) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, scope, key);
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Reading an idempotency key failed", e);
        }
    }

    public void markFailed(String scope, String key, UUID eventId) {
        mark(MARK_FAILED, scope, key, eventId);
    }

    /** Deletes up to {@code limit} keys created more than {@code retention} ago; returns how many. */
    public int deleteExpired(Duration retention, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(DELETE_EXPIRED)) {
            statement.setDouble(1, seconds(retention));
            statement.setInt(2, limit);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Deleting expired idempotency keys failed", e);
        }
    }

    private static boolean insert(Connection connection, String scope, String key, String requestHash,
                                  EventIdentity identity) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bindInsert(statement, scope, key, requestHash, identity);
            return statement.executeUpdate() == 1;
        }
    }

    private static void bindInsert(PreparedStatement statement, String scope, String key, String requestHash,
                                   EventIdentity identity) throws SQLException {
        statement.setString(1, scope);
        statement.setString(2, key);
        statement.setString(3, requestHash);
        statement.setObject(4, identity.eventId());
        statement.setString(5, identity.externalId());
        statement.setObject(6, OffsetDateTime.ofInstant(identity.occurredAt(), ZoneOffset.UTC));
    }

    private static Map<String, IdempotencyRecord> findAll(Connection connection, List<ClaimRequest> requests)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_ALL)) {
            statement.setArray(1, connection.createArrayOf("varchar",
                    requests.stream().map(ClaimRequest::scope).toArray()));
            statement.setArray(2, connection.createArrayOf("varchar",
                    requests.stream().map(ClaimRequest::key).toArray()));
            Map<String, IdempotencyRecord> found = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    IdempotencyRecord record = record(rows);
                    found.put(record.scope() + '\n' + record.key(), record);
                }
            }
            return found;
        }
    }

    private void markAll(String sql, List<ClaimedKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ClaimedKey key : keys) {
                statement.setString(1, key.scope());
                statement.setString(2, key.key());
                statement.setObject(3, key.eventId());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Recording the outcome of idempotency keys failed", e);
        }
    }

    private static Optional<EventIdentity> takeOver(Connection connection, String scope, String key,
                                                    String requestHash, Duration takeoverAfter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE_OVER)) {
            statement.setString(1, scope);
            statement.setString(2, key);
            statement.setString(3, requestHash);
            statement.setDouble(4, seconds(takeoverAfter));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(identity(rows)) : Optional.empty();
            }
        }
    }

    private static Optional<IdempotencyRecord> find(Connection connection, String scope, String key)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, scope);
            statement.setString(2, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(record(rows)) : Optional.empty();
            }
        }
    }

    private void mark(String sql, String scope, String key, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, scope);
            statement.setString(2, key);
            statement.setObject(3, eventId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Recording the outcome of an idempotency key failed", e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static EventIdentity identity(ResultSet row) throws SQLException {
        return new EventIdentity(row.getObject("event_id", UUID.class), row.getString("external_id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    private static IdempotencyRecord record(ResultSet row) throws SQLException {
        return new IdempotencyRecord(row.getString("scope"), row.getString("key"), row.getString("request_hash"),
                identity(row), IdempotencyStatus.valueOf(row.getString("status")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
