package io.salespulse.devices.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.devices.domain.CycleCount;
import io.salespulse.devices.domain.Sgtin;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Running cycle counts and the distinct tags each has seen. */
@ApplicationScoped
public class CycleCountRepository {
    private static final String START = """
            INSERT INTO cycle_counts (count_id, device_id, zone) VALUES (?, ?, ?)
            ON CONFLICT (device_id) DO NOTHING""";
    private static final String RUNNING = """
            SELECT count_id, device_id, zone, started_at FROM cycle_counts WHERE device_id = ?""";
    /** Only tags not seen yet are inserted; a count stopped meanwhile inserts nothing (and the FK guards a race). */
    private static final String ADD_TAGS = """
            INSERT INTO cycle_count_tags (count_id, gtin, serial)
            SELECT ?, t.gtin, t.serial FROM unnest(?::varchar[], ?::int8[]) AS t (gtin, serial)
             WHERE EXISTS (SELECT 1 FROM cycle_counts WHERE count_id = ?)
            ON CONFLICT DO NOTHING""";
    private static final String COUNTS = """
            SELECT gtin, count(*) AS units FROM cycle_count_tags WHERE count_id = ? GROUP BY gtin ORDER BY gtin""";
    private static final String END = "DELETE FROM cycle_counts WHERE count_id = ?";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final AgroalDataSource dataSource;

    public CycleCountRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts a count unless one is running; returns the running one either way. */
    public CycleCount start(String deviceId, String zone) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(START)) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, deviceId);
                ps.setString(3, zone);
                ps.executeUpdate();
            }
            return running(c, deviceId).orElseThrow(() -> new IllegalStateException("count vanished"));
        } catch (SQLException e) {
            throw new DataException("Starting a cycle count", e);
        }
    }

    public Optional<CycleCount> running(String deviceId) {
        try (Connection c = dataSource.getConnection()) {
            return running(c, deviceId);
        } catch (SQLException e) {
            throw new DataException("Reading the running cycle count", e);
        }
    }

    /** Adds the tags (deduplicated by the primary key); returns how many were new to the count. */
    public int addTags(UUID countId, Collection<Sgtin> tags) {
        if (tags.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ADD_TAGS)) {
            ps.setObject(1, countId);
            ps.setArray(2, c.createArrayOf("varchar", tags.stream().map(Sgtin::gtin14).toArray()));
            ps.setArray(3, c.createArrayOf("int8", tags.stream().map(Sgtin::serial).toArray()));
            ps.setObject(4, countId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                return 0; // the count was stopped while this batch was on its way: not part of it
            }
            throw new DataException("Recording counted tags", e);
        }
    }

    /** Distinct tags per GTIN-14, in GTIN order. */
    public Map<String, Integer> countsByGtin(UUID countId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setObject(1, countId);
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("gtin"), rs.getInt("units"));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new DataException("Reading a cycle count", e);
        }
    }

    /** Ends the count (its tags go with it); false when it had ended already. */
    public boolean end(UUID countId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(END)) {
            ps.setObject(1, countId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DataException("Ending a cycle count", e);
        }
    }

    private static Optional<CycleCount> running(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RUNNING)) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CycleCount(rs.getObject("count_id", UUID.class), rs.getString("device_id"),
                        rs.getString("zone"), rs.getObject("started_at", OffsetDateTime.class).toInstant()));
            }
        }
    }
}
