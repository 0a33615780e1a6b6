package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Location;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Locations: stores, warehouses, the online fulfilment centre, marketplaces. */
@ApplicationScoped
public class LocationRepository {
    static final String COLUMNS = "location_id, name, kind, region, country, latitude, longitude, time_zone, active, "
            + "created_at, updated_at";
    static final String INSERT = """
            INSERT INTO locations (location_id, name, kind, region, country, latitude, longitude, time_zone, active,
                                   created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING\s""" + COLUMNS;
    static final String UPDATE = """
            UPDATE locations
               SET name = ?, kind = ?, region = ?, country = ?, latitude = ?, longitude = ?, time_zone = ?, active = ?,
                   updated_at = ?
             WHERE location_id = ?
            RETURNING\s""" + COLUMNS;
    static final String FIND = "SELECT " + COLUMNS + " FROM locations WHERE location_id = ?";
    /** Share-locked for republishing, like ProductRepository.FIND_ALL_LOCKED. */
    static final String FIND_ALL_LOCKED = "SELECT " + COLUMNS + " FROM locations ORDER BY location_id FOR SHARE";
    static final String EXISTING = "SELECT location_id FROM locations WHERE location_id = ANY (?)";
    static final String FILTERED = """
            SELECT %s FROM locations
             WHERE (?::text IS NULL OR kind = ?)
               AND (?::text IS NULL OR region = ?)
               AND (?::boolean IS NULL OR active = ?)
            """;
    static final String COUNT = FILTERED.formatted("count(*)");
    static final String LIST = FILTERED.formatted(COLUMNS);
    static final Map<String, String> SORTS = Map.of(
            "id", " ORDER BY location_id LIMIT ? OFFSET ?",
            "-id", " ORDER BY location_id DESC LIMIT ? OFFSET ?",
            "name", " ORDER BY name, location_id LIMIT ? OFFSET ?",
            "-name", " ORDER BY name DESC, location_id DESC LIMIT ? OFFSET ?",
            "region", " ORDER BY region, location_id LIMIT ? OFFSET ?",
            "-region", " ORDER BY region DESC, location_id DESC LIMIT ? OFFSET ?");

    /** Filters of a location list; null means "any". */
    public record Filter(Location.Kind kind, String region, Boolean active) {
    }

    private final AgroalDataSource dataSource;

    public LocationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Set<String> sortKeys() {
        return SORTS.keySet();
    }

    public Location insert(Location l) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, l.id());
            int next = bindFields(ps, 2, l);
            ps.setObject(next, Jdbc.timestamp(l.createdAt()));
            ps.setObject(next + 1, Jdbc.timestamp(l.updatedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Inserting location " + l.id() + " failed", e);
        }
    }

    public Optional<Location> update(Location l) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            int next = bindFields(ps, 1, l);
            ps.setObject(next, Jdbc.timestamp(l.updatedAt()));
            ps.setString(next + 1, l.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Updating location " + l.id() + " failed", e);
        }
    }

    public Optional<Location> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading location " + id + " failed", e);
        }
    }

    /** Every location, locked against updates until the current transaction ends (for republishing). */
    public List<Location> findAllLocked() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_ALL_LOCKED);
             ResultSet rs = ps.executeQuery()) {
            List<Location> locations = new ArrayList<>();
            while (rs.next()) {
                locations.add(map(rs));
            }
            return locations;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading all locations failed", e);
        }
    }

    /** Which of {@code ids} are known locations. */
    public Set<String> existing(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EXISTING)) {
            ps.setArray(1, Jdbc.textArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            return known;
        } catch (SQLException e) {
            throw DataAccessException.translate("Checking locations failed", e);
        }
    }

    public Page<Location> list(Filter filter, String sort, PageRequest page) {
        String order = SORTS.get(sort);
        if (order == null) {
            throw new IllegalArgumentException("Unknown sort " + sort);
        }
        String kind = filter.kind() == null ? null : filter.kind().name();
        return Paging.page(dataSource, COUNT, LIST + order, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, kind);
            Jdbc.setNullableText(ps, i + 1, kind);
            Jdbc.setNullableText(ps, i + 2, filter.region());
            Jdbc.setNullableText(ps, i + 3, filter.region());
            Jdbc.setNullableBoolean(ps, i + 4, filter.active());
            Jdbc.setNullableBoolean(ps, i + 5, filter.active());
            return i + 6;
        }, LocationRepository::map, page, "locations");
    }

    /** name, kind, region, country, latitude, longitude, time zone, active; returns the next index. */
    private static int bindFields(PreparedStatement ps, int i, Location l) throws SQLException {
        ps.setString(i, l.name());
        ps.setString(i + 1, l.kind().name());
        ps.setString(i + 2, l.region());
        Jdbc.setNullableText(ps, i + 3, l.country());
        Jdbc.setNullableDouble(ps, i + 4, l.latitude());
        Jdbc.setNullableDouble(ps, i + 5, l.longitude());
        ps.setString(i + 6, l.timeZone());
        ps.setBoolean(i + 7, l.active());
        return i + 8;
    }

    private static Location map(ResultSet rs) throws SQLException {
        return new Location(rs.getString("location_id"), rs.getString("name"),
                Location.Kind.valueOf(rs.getString("kind")), rs.getString("region"), rs.getString("country"),
                Jdbc.nullableDouble(rs, "latitude"), Jdbc.nullableDouble(rs, "longitude"), rs.getString("time_zone"),
                rs.getBoolean("active"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
