package io.salespulse.orders.data;

import io.salespulse.orders.domain.Location;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** orders.locations: the catalog's locations as order-service last read them. */
@ApplicationScoped
public class LocationRepository {
    private static final String FIND = """
            SELECT location_id, name, kind, region, country, time_zone, active, updated_at
            FROM locations
            WHERE location_id = ANY (?)""";
    /** Upsert that never goes back in time: an older record read late does not overwrite a newer one. */
    private static final String UPSERT = """
            INSERT INTO locations (location_id, name, kind, region, country, time_zone, active, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (location_id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, region = excluded.region, country = excluded.country,
                time_zone = excluded.time_zone, active = excluded.active, updated_at = excluded.updated_at
            WHERE excluded.updated_at >= locations.updated_at""";
    private static final String DELETE = "DELETE FROM locations WHERE location_id = ?";

    private final DataSource dataSource;

    public LocationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Location> findAll(Collection<String> locationIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(FIND)) {
            ps.setArray(1, connection.createArrayOf("varchar", locationIds.toArray()));
            List<Location> locations = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locations.add(map(rs));
                }
            }
            return locations;
        } catch (SQLException e) {
            throw new DataAccessException("Reading locations", e);
        }
    }

    public void upsertAll(Collection<Location> locations) {
        if (locations.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            for (Location location : locations) {
                ps.setString(1, location.locationId());
                ps.setString(2, location.name());
                ps.setString(3, location.kind());
                ps.setString(4, location.region());
                Jdbc.setText(ps, 5, location.country());
                ps.setString(6, location.timeZone());
                ps.setBoolean(7, location.active());
                Jdbc.setInstant(ps, 8, location.updatedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("Upserting locations", e);
        }
    }

    public void deleteAll(Collection<String> locationIds) {
        if (locationIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(DELETE)) {
            for (String locationId : locationIds) {
                ps.setString(1, locationId);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("Deleting locations", e);
        }
    }

    private static Location map(ResultSet rs) throws SQLException {
        return new Location(rs.getString("location_id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("region"), rs.getString("country"), rs.getString("time_zone"),
                rs.getBoolean("active"), Jdbc.getInstant(rs, "updated_at"));
    }
}
