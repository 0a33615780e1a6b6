package io.salespulse.inventory.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.AlertState;
import io.salespulse.inventory.domain.AlertType;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stock alerts and their transitions. */
@ApplicationScoped
public class AlertRepository {
    static final String COLUMNS = "alert_id, type, state, product_id, location_id, raised_at, acknowledged_at, "
            + "acknowledged_by, resolved_at, details";
    static final String OPEN_FOR_LEVELS = "SELECT " + COLUMNS + """
             FROM alerts
             WHERE state IN ('RAISED', 'ACKNOWLEDGED')
               AND (product_id, location_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
            """;
    /** A conflict on the one-open-alert index means it is already raised: nothing is inserted, nothing returned. */
    static final String INSERT = """
            INSERT INTO alerts (alert_id, type, state, product_id, location_id, raised_at, details)
            SELECT a.alert_id, a.type, 'RAISED', a.product_id, a.location_id, a.raised_at, a.details::jsonb
              FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                   AS a (alert_id, type, product_id, location_id, raised_at, details)
            ON CONFLICT DO NOTHING
            RETURNING alert_id
            """;
    static final String RESOLVE = """
            UPDATE alerts AS a SET state = 'RESOLVED', resolved_at = v.resolved_at, details = v.details::jsonb
              FROM unnest(?::uuid[], ?::timestamptz[], ?::text[]) AS v (alert_id, resolved_at, details)
             WHERE a.alert_id = v.alert_id AND a.state <> 'RESOLVED'
            RETURNING a.alert_id
            """;
    /** Levels with an open stock-out prediction, oldest first. */
    static final String OPEN_PREDICTIONS = """
            SELECT product_id, location_id FROM alerts
             WHERE type = 'STOCKOUT_PREDICTED' AND state IN ('RAISED', 'ACKNOWLEDGED')
             ORDER BY raised_at LIMIT ?
            """;
    /**
     * More unjustified exits of a product at a location while its POSSIBLE_SHRINKAGE alert is open: the units add up
     * in the alert (no new alert, no new event: one alert per crossing, as for stock).
     */
    static final String ADD_TO_OPEN_SHRINKAGE = """
            UPDATE alerts SET details = details || jsonb_build_object(
                       'units', COALESCE((details ->> 'units')::int, 0) + ?,
                       'exitReads', COALESCE((details ->> 'exitReads')::int, 0) + ?,
                       'lastExitAt', ?::text)
             WHERE product_id = ? AND location_id = ? AND type = 'POSSIBLE_SHRINKAGE'
               AND state IN ('RAISED', 'ACKNOWLEDGED')
            RETURNING alert_id
            """;
    static final String FIND = "SELECT " + COLUMNS + " FROM alerts WHERE alert_id = ?";
    static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    static final String ACKNOWLEDGE = """
            UPDATE alerts SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
             WHERE alert_id = ? AND state = 'RAISED'
            """;
    static final String FILTERED = """
            SELECT %s FROM alerts
             WHERE (?::text IS NULL OR type = ?)
               AND (?::text IS NULL OR state = ?)
               AND (?::text IS NULL OR product_id = ?)
               AND (?::text IS NULL OR location_id = ?)
            """;
    static final String COUNT = FILTERED.formatted("count(*)");
    static final String LIST = FILTERED.formatted(COLUMNS) + " ORDER BY raised_at DESC, alert_id LIMIT ? OFFSET ?";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Filters of GET /alerts; null means "any". */
    public record Filter(AlertType type, AlertState state, String productId, String locationId) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AlertRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public List<Alert> openFor(Collection<LevelKey> levels) {
        if (levels.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(OPEN_FOR_LEVELS)) {
            ps.setArray(1, Jdbc.textArray(c, levels.stream().map(LevelKey::productId).toList()));
            ps.setArray(2, Jdbc.textArray(c, levels.stream().map(LevelKey::locationId).toList()));
            return alerts(ps);
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading open alerts failed", e);
        }
    }

    public List<LevelKey> levelsWithOpenPrediction(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(OPEN_PREDICTIONS)) {
            ps.setInt(1, limit);
            List<LevelKey> levels = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.add(new LevelKey(rs.getString("product_id"), rs.getString("location_id")));
                }
            }
            return levels;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading open predictions failed", e);
        }
    }

    /** Inserts new RAISED alerts; returns the ids that were inserted (not already open). */
    public Set<UUID> insert(Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, Jdbc.textArray(c, alerts.stream().map(a -> a.alertId().toString()).toList()));
            ps.setArray(2, Jdbc.textArray(c, alerts.stream().map(a -> a.type().name()).toList()));
            ps.setArray(3, Jdbc.textArray(c, alerts.stream().map(Alert::productId).toList()));
            ps.setArray(4, Jdbc.textArray(c, alerts.stream().map(Alert::locationId).toList()));
            ps.setArray(5, Jdbc.textArray(c, alerts.stream().map(a -> a.raisedAt().toString()).toList()));
            ps.setArray(6, Jdbc.textArray(c, alerts.stream().map(a -> write(a.details())).toList()));
            return ids(ps);
        } catch (SQLException e) {
            throw DataAccessException.translate("Raising alerts failed", e);
        }
    }

    /** Stores resolved alerts (resolved_at and details); returns the ids that were still open. */
    public Set<UUID> resolve(Collection<Alert> resolved) {
        if (resolved.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESOLVE)) {
            ps.setArray(1, Jdbc.textArray(c, resolved.stream().map(a -> a.alertId().toString()).toList()));
            ps.setArray(2, Jdbc.textArray(c, resolved.stream().map(a -> a.resolvedAt().toString()).toList()));
            ps.setArray(3, Jdbc.textArray(c, resolved.stream().map(a -> write(a.details())).toList()));
            return ids(ps);
        } catch (SQLException e) {
            throw DataAccessException.translate("Resolving alerts failed", e);
        }
    }

    public Optional<Alert> find(UUID id) {
        return findOne(FIND, id);
    }

    /** Adds unjustified exit units to the open POSSIBLE_SHRINKAGE alert of a level; its id, empty when none is open. */
    public Optional<UUID> addToOpenShrinkage(LevelKey level, int units, int exitReads, Instant lastExitAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(ADD_TO_OPEN_SHRINKAGE)) {
            ps.setInt(1, units);
            ps.setInt(2, exitReads);
            ps.setString(3, lastExitAt.toString());
            ps.setString(4, level.productId());
            ps.setString(5, level.locationId());
            Set<UUID> ids = ids(ps);
            return ids.stream().findFirst();
        } catch (SQLException e) {
            throw DataAccessException.translate("Adding to a shrinkage alert failed", e);
        }
    }

    /** Reads and locks one alert, for a transition decided in Java. */
    public Optional<Alert> findForUpdate(UUID id) {
        return findOne(FIND_FOR_UPDATE, id);
    }

    public boolean acknowledge(Alert acknowledged) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ACKNOWLEDGE)) {
            ps.setObject(1, Jdbc.timestamp(acknowledged.acknowledgedAt()));
            ps.setString(2, acknowledged.acknowledgedBy());
            ps.setObject(3, acknowledged.alertId());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw DataAccessException.translate("Acknowledging alert " + acknowledged.alertId() + " failed", e);
        }
    }

    public Page<Alert> list(Filter filter, PageRequest page) {
        String type = filter.type() == null ? null : filter.type().name();
        String state = filter.state() == null ? null : filter.state().name();
        return Paging.page(dataSource, COUNT, LIST, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, type);
            Jdbc.setNullableText(ps, i + 1, type);
            Jdbc.setNullableText(ps, i + 2, state);
            Jdbc.setNullableText(ps, i + 3, state);
            Jdbc.setNullableText(ps, i + 4, filter.productId());
            Jdbc.setNullableText(ps, i + 5, filter.productId());
            Jdbc.setNullableText(ps, i + 6, filter.locationId());
            Jdbc.setNullableText(ps, i + 7, filter.locationId());
            return i + 8;
        }, this::map, page, "alerts");
    }

    private Optional<Alert> findOne(String sql, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            List<Alert> found = alerts(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading alert " + id + " failed", e);
        }
    }

    private List<Alert> alerts(PreparedStatement ps) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                alerts.add(map(rs));
            }
        }
        return alerts;
    }

    private static Set<UUID> ids(PreparedStatement ps) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private Alert map(ResultSet rs) throws SQLException {
        return new Alert(Jdbc.uuid(rs, "alert_id"), AlertType.valueOf(rs.getString("type")),
                AlertState.valueOf(rs.getString("state")), rs.getString("product_id"), rs.getString("location_id"),
                Jdbc.instant(rs, "raised_at"), Jdbc.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                Jdbc.instant(rs, "resolved_at"), read(rs.getString("details")));
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert details are not serialisable", e);
        }
    }

    private Map<String, Object> read(String details) {
        try {
            return json.readValue(details, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable alert details in the database", e);
        }
    }
}
