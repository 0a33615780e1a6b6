package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.MovementCause;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.SalesVelocity;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.domain.StockMovement;
import io.salespulse.inventory.domain.StockStatus;
import io.salespulse.inventory.domain.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stock levels and movements. The write path is set-based: a whole poll batch is one INSERT of movements and one
 * upsert of levels, each fed by {@code unnest} of arrays (one round trip, however many rows), and levels are always
 * locked in (product_id, location_id) order — by SQL ORDER BY, so every writer uses the same collation — which is
 * what keeps concurrent consumers and adjustments free of deadlocks.
 */
@ApplicationScoped
public class StockRepository {
    static final String LEVEL_COLUMNS = "l.product_id, l.location_id, l.on_hand, l.reserved, l.reorder_point, "
            + "l.critical_level, l.target_level, l.thresholds_explicit, l.sales_rate, l.sales_rate_at, "
            + "l.cause_event_id, l.updated_at";
    static final String MOVEMENT_COLUMNS = "movement_id, event_id, line_no, product_id, location_id, quantity, cause, "
            + "occurred_at, recorded_at, user_name, note, return_of";
    /** Idempotency: a movement whose (event_id, line_no) exists is skipped, and only inserted rows come back. */
    static final String INSERT_MOVEMENTS = """
            INSERT INTO stock_movements (event_id, line_no, product_id, location_id, quantity, cause, occurred_at,
                                         user_name, note, return_of, recorded_at)
            SELECT m.event_id, m.line_no, m.product_id, m.location_id, m.quantity, m.cause, m.occurred_at,
                   m.user_name, m.note, m.return_of, ?
              FROM unnest(?::uuid[], ?::int4[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::timestamptz[],
                          ?::text[], ?::text[], ?::text[])
                   AS m (event_id, line_no, product_id, location_id, quantity, cause, occurred_at, user_name, note,
                         return_of)
             ORDER BY m.event_id, m.line_no
            ON CONFLICT (event_id, line_no) DO NOTHING
            RETURNING\s""" + MOVEMENT_COLUMNS;
    /**
     * Adds each delta to its level atomically, creating missing levels with the thresholds given for them, and
     * returns the new levels. Rows are taken in key order (the lock order).
     */
    static final String APPLY_DELTAS = """
            INSERT INTO stock_levels AS l (product_id, location_id, on_hand, reorder_point, critical_level,
                                           target_level, cause_event_id, updated_at)
            SELECT d.product_id, d.location_id, d.delta, d.reorder_point, d.critical_level, d.target_level,
                   d.cause_event_id, ?
              FROM unnest(?::text[], ?::text[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::uuid[])
                   AS d (product_id, location_id, delta, reorder_point, critical_level, target_level, cause_event_id)
             ORDER BY d.product_id, d.location_id
            ON CONFLICT (product_id, location_id) DO UPDATE
               SET on_hand = l.on_hand + EXCLUDED.on_hand,
                   cause_event_id = EXCLUDED.cause_event_id,
                   updated_at = EXCLUDED.updated_at
            RETURNING\s""" + LEVEL_COLUMNS;
    static final String UPDATE_VELOCITIES = """
            UPDATE stock_levels AS l SET sales_rate = v.rate, sales_rate_at = v.as_of
              FROM unnest(?::text[], ?::text[], ?::float8[], ?::timestamptz[]) AS v (product_id, location_id, rate, as_of)
             WHERE l.product_id = v.product_id AND l.location_id = v.location_id
            """;
    /** Creates missing levels (on hand 0) without touching existing ones. */
    static final String ENSURE_LEVELS = """
            INSERT INTO stock_levels AS l (product_id, location_id, reorder_point, critical_level, target_level,
                                           updated_at)
            SELECT d.product_id, d.location_id, d.reorder_point, d.critical_level, d.target_level, ?
              FROM unnest(?::text[], ?::text[], ?::int4[], ?::int4[], ?::int4[])
                   AS d (product_id, location_id, reorder_point, critical_level, target_level)
             ORDER BY d.product_id, d.location_id
            ON CONFLICT (product_id, location_id) DO NOTHING
            """;
    static final String LOCK_LEVELS = "SELECT " + LEVEL_COLUMNS + """
             FROM stock_levels l
             WHERE (l.product_id, l.location_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
             ORDER BY l.product_id, l.location_id
             FOR UPDATE
            """;
    static final String SET_THRESHOLDS = """
            INSERT INTO stock_levels AS l (product_id, location_id, reorder_point, critical_level, target_level,
                                           thresholds_explicit, updated_at)
            VALUES (?, ?, ?, ?, ?, TRUE, ?)
            ON CONFLICT (product_id, location_id) DO UPDATE
               SET reorder_point = EXCLUDED.reorder_point, critical_level = EXCLUDED.critical_level,
                   target_level = EXCLUDED.target_level, thresholds_explicit = TRUE, updated_at = EXCLUDED.updated_at
            RETURNING\s""" + LEVEL_COLUMNS;
    static final String LOCK_DERIVED_OF_PRODUCTS = """
            SELECT l.product_id, l.location_id FROM stock_levels l
             WHERE l.product_id = ANY (?) AND NOT l.thresholds_explicit
             ORDER BY l.product_id, l.location_id
             FOR UPDATE
            """;
    /** New derived thresholds for the levels of some products that have no explicit ones. */
    static final String REDERIVE = """
            UPDATE stock_levels AS l
               SET reorder_point = v.reorder_point, critical_level = v.critical_level, target_level = v.target_level,
                   updated_at = ?
              FROM unnest(?::text[], ?::int4[], ?::int4[], ?::int4[])
                   AS v (product_id, reorder_point, critical_level, target_level)
             WHERE l.product_id = v.product_id AND NOT l.thresholds_explicit
               AND (l.reorder_point, l.critical_level, l.target_level)
                   IS DISTINCT FROM (v.reorder_point, v.critical_level, v.target_level)
            RETURNING\s""" + LEVEL_COLUMNS;
    static final String FIND_LEVEL = "SELECT " + LEVEL_COLUMNS
            + " FROM stock_levels l WHERE l.product_id = ? AND l.location_id = ?";
    static final String LEVELS_FILTERED = """
            SELECT %s FROM stock_levels l
             WHERE (?::text IS NULL OR l.product_id = ?)
               AND (?::text IS NULL OR l.location_id = ?)
               AND (?::text[] IS NULL OR l.status = ANY (?))
            """;
    static final String COUNT_LEVELS = LEVELS_FILTERED.formatted("count(*)");
    static final String LIST_LEVELS = LEVELS_FILTERED.formatted(LEVEL_COLUMNS);
    static final Map<String, String> LEVEL_SORTS = Map.of(
            "productId", " ORDER BY l.product_id, l.location_id LIMIT ? OFFSET ?",
            "-productId", " ORDER BY l.product_id DESC, l.location_id DESC LIMIT ? OFFSET ?",
            "locationId", " ORDER BY l.location_id, l.product_id LIMIT ? OFFSET ?",
            "-locationId", " ORDER BY l.location_id DESC, l.product_id DESC LIMIT ? OFFSET ?",
            "onHand", " ORDER BY l.on_hand, l.product_id, l.location_id LIMIT ? OFFSET ?",
            "-onHand", " ORDER BY l.on_hand DESC, l.product_id, l.location_id LIMIT ? OFFSET ?",
            "updatedAt", " ORDER BY l.updated_at, l.product_id, l.location_id LIMIT ? OFFSET ?",
            "-updatedAt", " ORDER BY l.updated_at DESC, l.product_id, l.location_id LIMIT ? OFFSET ?");
    static final String MOVEMENTS_FILTERED = """
            SELECT %s FROM stock_movements
             WHERE (?::text IS NULL OR product_id = ?)
               AND (?::text IS NULL OR location_id = ?)
               AND (?::int8 IS NULL OR movement_id IN (SELECT movement_id FROM lot_movements WHERE lot_id = ?))
            """;
    /** The lines of a sale (POST /inventory/returns checks a return against them). */
    static final String SALE_LINES = """
            SELECT product_id, location_id, quantity FROM stock_movements
             WHERE event_id = ? AND cause = 'SALE'
             ORDER BY line_no
            """;
    /** Where sales were made (a sale event has one location), for RETURN events of a poll batch. */
    static final String SALE_LOCATIONS = """
            SELECT DISTINCT event_id, location_id FROM stock_movements
             WHERE event_id = ANY (?) AND cause = 'SALE'
            """;
    /** Units of a product returned so far against one sale. */
    static final String RETURNED = """
            SELECT coalesce(sum(quantity), 0) FROM stock_movements
             WHERE return_of = ? AND product_id = ? AND cause = 'RETURN'
            """;
    static final String ON_HAND_AT = """
            SELECT product_id, on_hand FROM stock_levels WHERE location_id = ? AND product_id = ANY (?)
            """;
    static final String COUNT_MOVEMENTS = MOVEMENTS_FILTERED.formatted("count(*)");
    static final String LIST_MOVEMENTS = MOVEMENTS_FILTERED.formatted(MOVEMENT_COLUMNS)
            + " ORDER BY movement_id DESC LIMIT ? OFFSET ?";

    /** The change of one level in a batch; {@code newLevel} are the thresholds if the level does not exist yet. */
    public record LevelDelta(LevelKey key, int delta, Thresholds newLevel, UUID causeEventId) {
    }

    /** Filters of GET /inventory; null or empty means "any". */
    public record LevelFilter(String productId, String locationId, Set<StockStatus> statuses) {
    }

    private final AgroalDataSource dataSource;

    public StockRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Set<String> sortKeys() {
        return LEVEL_SORTS.keySet();
    }

    /** Inserts the movements that are new and returns them; replayed ones are skipped. */
    public List<StockMovement> insertMovements(Collection<StockMovement> movements, Instant now) {
        if (movements.isEmpty()) {
            return List.of();
        }
        List<String> eventIds = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> returns = new ArrayList<>();
        for (StockMovement m : movements) {
            eventIds.add(m.eventId().toString());
            lines.add(m.lineNo());
            products.add(m.level().productId());
            locations.add(m.level().locationId());
            quantities.add(m.quantity());
            causes.add(m.cause().name());
            times.add(m.occurredAt().toString());
            users.add(m.user());
            notes.add(m.note());
            returns.add(m.returnOf());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_MOVEMENTS)) {
            ps.setObject(1, Jdbc.timestamp(now));
            ps.setArray(2, Jdbc.textArray(c, eventIds));
            ps.setArray(3, Jdbc.intArray(c, lines));
            ps.setArray(4, Jdbc.textArray(c, products));
            ps.setArray(5, Jdbc.textArray(c, locations));
            ps.setArray(6, Jdbc.intArray(c, quantities));
            ps.setArray(7, Jdbc.textArray(c, causes));
            ps.setArray(8, Jdbc.textArray(c, times));
            ps.setArray(9, Jdbc.textArray(c, users));
            ps.setArray(10, Jdbc.textArray(c, notes));
            ps.setArray(11, Jdbc.textArray(c, returns));
            List<StockMovement> inserted = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(mapMovement(rs));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw DataAccessException.translate("Inserting stock movements failed", e);
        }
    }

    /** Applies the deltas (one per level) and returns the new levels in key order. */
    public List<StockLevel> applyDeltas(Collection<LevelDelta> deltas, Instant now) {
        if (deltas.isEmpty()) {
            return List.of();
        }
        List<String> products = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<Integer> amounts = new ArrayList<>();
        List<Integer> reorder = new ArrayList<>();
        List<Integer> critical = new ArrayList<>();
        List<Integer> target = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        for (LevelDelta d : deltas) {
            products.add(d.key().productId());
            locations.add(d.key().locationId());
            amounts.add(d.delta());
            reorder.add(d.newLevel().reorderPoint());
            critical.add(d.newLevel().criticalLevel());
            target.add(d.newLevel().targetLevel());
            causes.add(d.causeEventId() == null ? null : d.causeEventId().toString());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(APPLY_DELTAS)) {
            ps.setObject(1, Jdbc.timestamp(now));
            ps.setArray(2, Jdbc.textArray(c, products));
            ps.setArray(3, Jdbc.textArray(c, locations));
            ps.setArray(4, Jdbc.intArray(c, amounts));
            ps.setArray(5, Jdbc.intArray(c, reorder));
            ps.setArray(6, Jdbc.intArray(c, critical));
            ps.setArray(7, Jdbc.intArray(c, target));
            ps.setArray(8, Jdbc.textArray(c, causes));
            return levels(ps);
        } catch (SQLException e) {
            throw DataAccessException.translate("Applying stock deltas failed", e);
        }
    }

    public void updateVelocities(Map<LevelKey, SalesVelocity> velocities) {
        if (velocities.isEmpty()) {
            return;
        }
        List<String> products = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<String> times = new ArrayList<>();
        velocities.forEach((key, velocity) -> {
            products.add(key.productId());
            locations.add(key.locationId());
            rates.add(velocity.unitsPerHour());
            times.add(velocity.asOf().toString());
        });
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE_VELOCITIES)) {
            ps.setArray(1, Jdbc.textArray(c, products));
            ps.setArray(2, Jdbc.textArray(c, locations));
            ps.setArray(3, Jdbc.doubleArray(c, rates));
            ps.setArray(4, Jdbc.textArray(c, times));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Updating sales velocities failed", e);
        }
    }

    /** Creates the missing levels (with the given thresholds), locks all of them and returns them in key order. */
    public List<StockLevel> lock(Map<LevelKey, Thresholds> levels, Instant now) {
        List<LevelKey> keys = levels.keySet().stream().sorted().toList();
        List<String> products = keys.stream().map(LevelKey::productId).toList();
        List<String> locations = keys.stream().map(LevelKey::locationId).toList();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(ENSURE_LEVELS)) {
                ps.setObject(1, Jdbc.timestamp(now));
                ps.setArray(2, Jdbc.textArray(c, products));
                ps.setArray(3, Jdbc.textArray(c, locations));
                ps.setArray(4, Jdbc.intArray(c, keys.stream().map(k -> levels.get(k).reorderPoint()).toList()));
                ps.setArray(5, Jdbc.intArray(c, keys.stream().map(k -> levels.get(k).criticalLevel()).toList()));
                ps.setArray(6, Jdbc.intArray(c, keys.stream().map(k -> levels.get(k).targetLevel()).toList()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Creating stock levels failed", e);
        }
        return lockExisting(keys);
    }

    /** Locks the existing levels among {@code keys} and returns them in key order. */
    public List<StockLevel> lockExisting(Collection<LevelKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_LEVELS)) {
            ps.setArray(1, Jdbc.textArray(c, keys.stream().map(LevelKey::productId).toList()));
            ps.setArray(2, Jdbc.textArray(c, keys.stream().map(LevelKey::locationId).toList()));
            return levels(ps);
        } catch (SQLException e) {
            throw DataAccessException.translate("Locking stock levels failed", e);
        }
    }

    public StockLevel setThresholds(LevelKey key, Thresholds thresholds, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SET_THRESHOLDS)) {
            ps.setString(1, key.productId());
            ps.setString(2, key.locationId());
            ps.setInt(3, thresholds.reorderPoint());
            ps.setInt(4, thresholds.criticalLevel());
            ps.setInt(5, thresholds.targetLevel());
            ps.setObject(6, Jdbc.timestamp(now));
            return levels(ps).get(0);
        } catch (SQLException e) {
            throw DataAccessException.translate("Setting thresholds of " + key.messageKey() + " failed", e);
        }
    }

    /**
     * Gives the levels of these products that have no explicit thresholds the newly derived ones; returns the
     * levels that changed, in key order.
     */
    public List<StockLevel> rederive(Map<String, Thresholds> byProduct, Instant now) {
        if (byProduct.isEmpty()) {
            return List.of();
        }
        List<String> products = byProduct.keySet().stream().sorted().toList();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(LOCK_DERIVED_OF_PRODUCTS)) {
                ps.setArray(1, Jdbc.textArray(c, products));
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(REDERIVE)) {
                ps.setObject(1, Jdbc.timestamp(now));
                ps.setArray(2, Jdbc.textArray(c, products));
                ps.setArray(3, Jdbc.intArray(c, products.stream().map(p -> byProduct.get(p).reorderPoint()).toList()));
                ps.setArray(4, Jdbc.intArray(c, products.stream().map(p -> byProduct.get(p).criticalLevel()).toList()));
                ps.setArray(5, Jdbc.intArray(c, products.stream().map(p -> byProduct.get(p).targetLevel()).toList()));
                List<StockLevel> changed = new ArrayList<>(levels(ps));
                changed.sort(Comparator.comparing(StockLevel::key));
                return changed;
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Re-deriving thresholds failed", e);
        }
    }

    public Optional<StockLevel> find(LevelKey key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_LEVEL)) {
            ps.setString(1, key.productId());
            ps.setString(2, key.locationId());
            List<StockLevel> found = levels(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading level " + key.messageKey() + " failed", e);
        }
    }

    public Page<StockLevel> list(LevelFilter filter, String sort, PageRequest page) {
        String order = LEVEL_SORTS.get(sort);
        if (order == null) {
            throw new IllegalArgumentException("Unknown sort " + sort);
        }
        List<String> statuses = filter.statuses() == null || filter.statuses().isEmpty() ? null
                : filter.statuses().stream().map(Enum::name).sorted().toList();
        return Paging.page(dataSource, COUNT_LEVELS, LIST_LEVELS + order, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, filter.productId());
            Jdbc.setNullableText(ps, i + 1, filter.productId());
            Jdbc.setNullableText(ps, i + 2, filter.locationId());
            Jdbc.setNullableText(ps, i + 3, filter.locationId());
            if (statuses == null) {
                ps.setNull(i + 4, Types.ARRAY);
                ps.setNull(i + 5, Types.ARRAY);
            } else {
                ps.setArray(i + 4, Jdbc.textArray(c, statuses));
                ps.setArray(i + 5, Jdbc.textArray(c, statuses));
            }
            return i + 6;
        }, StockRepository::mapLevel, page, "stock levels");
    }

    /** Movements, newest first, of a product and/or a location and/or a lot. */
    public Page<StockMovement> movements(String productId, String locationId, Long lotId, PageRequest page) {
        return Paging.page(dataSource, COUNT_MOVEMENTS, LIST_MOVEMENTS, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, productId);
            Jdbc.setNullableText(ps, i + 1, productId);
            Jdbc.setNullableText(ps, i + 2, locationId);
            Jdbc.setNullableText(ps, i + 3, locationId);
            Jdbc.setNullableLong(ps, i + 4, lotId);
            Jdbc.setNullableLong(ps, i + 5, lotId);
            return i + 6;
        }, StockRepository::mapMovement, page, "stock movements");
    }

    /** A SALE line of a sale event: product, location and units sold. */
    public record SaleLine(String productId, String locationId, int quantity) {
    }

    /** The location of each of these sales inventory has seen; unknown event ids are left out. */
    public Map<UUID, String> saleLocations(Collection<UUID> eventIds) {
        Map<UUID, String> locations = new HashMap<>();
        if (eventIds.isEmpty()) {
            return locations;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SALE_LOCATIONS)) {
            ps.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locations.put(Jdbc.uuid(rs, "event_id"), rs.getString("location_id"));
                }
            }
            return locations;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the locations of returned sales failed", e);
        }
    }

    /** The SALE movements of event {@code eventId} (empty when inventory never saw that sale). */
    public List<SaleLine> saleLines(UUID eventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SALE_LINES)) {
            ps.setObject(1, eventId);
            List<SaleLine> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new SaleLine(rs.getString("product_id"), rs.getString("location_id"),
                            -rs.getInt("quantity")));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading sale " + eventId + " failed", e);
        }
    }

    /** Units of {@code productId} returned against {@code returnOf} so far. */
    public int returned(String returnOf, String productId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RETURNED)) {
            ps.setString(1, returnOf);
            ps.setString(2, productId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the returns of " + returnOf + " failed", e);
        }
    }

    /** On hand of some products at one location; products without a level are absent. */
    public Map<String, Integer> onHandAt(String locationId, Collection<String> productIds) {
        Map<String, Integer> onHand = new HashMap<>();
        if (productIds.isEmpty()) {
            return onHand;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ON_HAND_AT)) {
            ps.setString(1, locationId);
            ps.setArray(2, Jdbc.textArray(c, productIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    onHand.put(rs.getString("product_id"), rs.getInt("on_hand"));
                }
            }
            return onHand;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading stock at " + locationId + " failed", e);
        }
    }

    private static List<StockLevel> levels(PreparedStatement ps) throws SQLException {
        List<StockLevel> levels = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                levels.add(mapLevel(rs));
            }
        }
        return levels;
    }

    private static StockLevel mapLevel(ResultSet rs) throws SQLException {
        Instant velocityAt = Jdbc.instant(rs, "sales_rate_at");
        SalesVelocity velocity = velocityAt == null ? SalesVelocity.none()
                : new SalesVelocity(rs.getDouble("sales_rate"), velocityAt);
        return new StockLevel(new LevelKey(rs.getString("product_id"), rs.getString("location_id")),
                rs.getInt("on_hand"), rs.getInt("reserved"),
                new Thresholds(rs.getInt("reorder_point"), rs.getInt("critical_level"), rs.getInt("target_level")),
                rs.getBoolean("thresholds_explicit"), velocity, Jdbc.uuid(rs, "cause_event_id"),
                Jdbc.instant(rs, "updated_at"));
    }

    private static StockMovement mapMovement(ResultSet rs) throws SQLException {
        return new StockMovement(rs.getLong("movement_id"), Jdbc.uuid(rs, "event_id"), rs.getInt("line_no"),
                new LevelKey(rs.getString("product_id"), rs.getString("location_id")), rs.getInt("quantity"),
                MovementCause.valueOf(rs.getString("cause")), Jdbc.instant(rs, "occurred_at"),
                Jdbc.instant(rs, "recorded_at"), rs.getString("user_name"), rs.getString("note"),
                rs.getString("return_of"), List.of());
    }
}
