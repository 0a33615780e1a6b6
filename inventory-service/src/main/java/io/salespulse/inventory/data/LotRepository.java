package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Lot;
import io.salespulse.inventory.domain.LotShare;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lots (batches with expiry) and the lots each movement moved. Lots are written only by transactions that hold the
 * row lock of their stock level (taken first, in level key order), and locked among themselves in FEFO order
 * (lots_fefo_idx), which keeps lot writers free of deadlocks; the expiry sweep, which holds no level lock, skips
 * lots that are locked.
 */
@ApplicationScoped
public class LotRepository {
    static final String COLUMNS = "t.lot_id, t.product_id, t.location_id, t.lot_code, t.expires_on, t.received_at, "
            + "t.quantity_on_hand, t.expired_at, t.updated_at";
    /** The lots with stock of some levels, locked, in FEFO order per level (the order sales take from them). */
    static final String LOCK_IN_STOCK = "SELECT " + COLUMNS + """
             FROM lots t
             WHERE (t.product_id, t.location_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))
               AND t.in_stock
             ORDER BY t.product_id, t.location_id, t.expires_on, t.received_at, t.lot_id
             FOR UPDATE
            """;
    static final String LOCK_BY_CODE = "SELECT " + COLUMNS
            + " FROM lots t WHERE t.product_id = ? AND t.location_id = ? AND t.lot_code = ? FOR UPDATE";
    static final String INSERT = """
            INSERT INTO lots AS t (product_id, location_id, lot_code, expires_on, received_at, quantity_on_hand,
                                   updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?)
            RETURNING\s""" + COLUMNS;
    /** Signed changes of lot quantities; the CHECK (quantity_on_hand >= 0) is the last line of defence. */
    static final String CHANGE = """
            UPDATE lots AS t SET quantity_on_hand = t.quantity_on_hand + d.delta, updated_at = ?
              FROM unnest(?::int8[], ?::int4[]) AS d (lot_id, delta)
             WHERE t.lot_id = d.lot_id
            """;
    static final String INSERT_LOT_MOVEMENTS = """
            INSERT INTO lot_movements (movement_id, lot_id, quantity)
            SELECT * FROM unnest(?::int8[], ?::int8[], ?::int4[])
            """;
    static final String LOTS_OF_MOVEMENTS = """
            SELECT lm.movement_id, lm.lot_id, lm.quantity, t.lot_code, t.expires_on
              FROM lot_movements lm JOIN lots t ON t.lot_id = lm.lot_id
             WHERE lm.movement_id = ANY (?)
             ORDER BY lm.movement_id, t.expires_on, t.received_at, lm.lot_id
            """;
    static final String LISTED = """
            SELECT %s FROM lots t JOIN locations loc ON loc.location_id = t.location_id
             WHERE (?::text IS NULL OR t.product_id = ?)
               AND (?::text IS NULL OR t.location_id = ?)
               AND (?::boolean OR t.in_stock)
            """;
    static final String COUNT_LOTS = LISTED.formatted("count(*)");
    static final String LIST_LOTS = LISTED.formatted(COLUMNS + ", loc.time_zone")
            + " ORDER BY t.product_id, t.location_id, t.expires_on, t.received_at, t.lot_id LIMIT ? OFFSET ?";
    /**
     * Lots with stock expiring by the location's local date + N days, expired ones included. The first bound is the
     * same condition in UTC widened by a day (no zone is more than a day ahead of UTC), which lots_expiring_idx and
     * lots_location_idx can range-scan; the second is the exact one per location.
     */
    static final String EXPIRING = """
            SELECT %s FROM lots t JOIN locations loc ON loc.location_id = t.location_id
             WHERE t.in_stock AND t.expires_on IS NOT NULL
               AND t.expires_on <= ?::date
               AND t.expires_on <= (?::timestamptz AT TIME ZONE loc.time_zone)::date + ?::int4
               AND (?::text IS NULL OR t.location_id = ?)
               AND (?::text IS NULL OR t.product_id = ?)
            """;
    static final String COUNT_EXPIRING = EXPIRING.formatted("count(*)");
    static final String LIST_EXPIRING = EXPIRING.formatted(COLUMNS + ", loc.time_zone")
            + " ORDER BY t.expires_on, t.location_id, t.product_id, t.lot_id LIMIT ? OFFSET ?";
    /**
     * Flags lots with stock whose expiry date has passed at their location. SKIP LOCKED: lots being sold from right
     * now are flagged by the next round rather than waited for (the sweep holds no level lock, so waiting could
     * deadlock against a consumer).
     */
    static final String FLAG_EXPIRED = """
            WITH due AS (
                SELECT t.lot_id FROM lots t JOIN locations loc ON loc.location_id = t.location_id
                 WHERE t.in_stock AND t.expires_on IS NOT NULL AND t.expired_at IS NULL
                   AND t.expires_on < ?::date
                   AND t.expires_on < (?::timestamptz AT TIME ZONE loc.time_zone)::date
                 ORDER BY t.product_id, t.location_id, t.expires_on, t.received_at, t.lot_id
                 LIMIT ?
                 FOR UPDATE OF t SKIP LOCKED
            )
            UPDATE lots AS t SET expired_at = ? FROM due WHERE t.lot_id = due.lot_id
            RETURNING\s""" + COLUMNS;

    /** A lot as listed, with the local date of its location (which says whether it has expired). */
    public record LotView(Lot lot, LocalDate localToday) {
    }

    /** One row of lot_movements. */
    public record LotMovement(long movementId, long lotId, int quantity) {
    }

    private final AgroalDataSource dataSource;

    public LotRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Locks the lots with stock of {@code levels}; returns them by level, each list in FEFO order. */
    public Map<LevelKey, List<Lot>> lockInStock(Collection<LevelKey> levels) {
        Map<LevelKey, List<Lot>> byLevel = new HashMap<>();
        if (levels.isEmpty()) {
            return byLevel;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_IN_STOCK)) {
            ps.setArray(1, Jdbc.textArray(c, levels.stream().map(LevelKey::productId).toList()));
            ps.setArray(2, Jdbc.textArray(c, levels.stream().map(LevelKey::locationId).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Lot lot = map(rs);
                    byLevel.computeIfAbsent(lot.level(), k -> new ArrayList<>()).add(lot);
                }
            }
            return byLevel;
        } catch (SQLException e) {
            throw DataAccessException.translate("Locking lots failed", e);
        }
    }

    public Optional<Lot> lockByCode(LevelKey level, String lotCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_BY_CODE)) {
            ps.setString(1, level.productId());
            ps.setString(2, level.locationId());
            ps.setString(3, lotCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading lot " + lotCode + " failed", e);
        }
    }

    /** A new, empty lot (its units arrive through {@link #change}). */
    public Lot insert(LevelKey level, String lotCode, LocalDate expiresOn, Instant receivedAt, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, level.productId());
            ps.setString(2, level.locationId());
            ps.setString(3, lotCode);
            if (expiresOn == null) {
                ps.setNull(4, Types.DATE);
            } else {
                ps.setObject(4, expiresOn);
            }
            ps.setObject(5, Jdbc.timestamp(receivedAt));
            ps.setObject(6, Jdbc.timestamp(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Creating lot " + lotCode + " failed", e);
        }
    }

    /** Adds the signed deltas to the lots' quantities (one statement for a whole batch). */
    public void change(Map<Long, Integer> deltas, Instant now) {
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHANGE)) {
            ps.setObject(1, Jdbc.timestamp(now));
            ps.setArray(2, c.createArrayOf("int8", deltas.keySet().toArray(new Long[0])));
            ps.setArray(3, Jdbc.intArray(c, deltas.values()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Changing lot quantities failed", e);
        }
    }

    public void insertMovements(Collection<LotMovement> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_LOT_MOVEMENTS)) {
            ps.setArray(1, c.createArrayOf("int8", rows.stream().map(LotMovement::movementId).toArray(Long[]::new)));
            ps.setArray(2, c.createArrayOf("int8", rows.stream().map(LotMovement::lotId).toArray(Long[]::new)));
            ps.setArray(3, Jdbc.intArray(c, rows.stream().map(LotMovement::quantity).toList()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Recording lot movements failed", e);
        }
    }

    /** The lots of stored movements, by movement id. */
    public Map<Long, List<LotShare>> lotsOf(Collection<Long> movementIds) {
        Map<Long, List<LotShare>> byMovement = new HashMap<>();
        if (movementIds.isEmpty()) {
            return byMovement;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOTS_OF_MOVEMENTS)) {
            ps.setArray(1, c.createArrayOf("int8", movementIds.toArray(new Long[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMovement.computeIfAbsent(rs.getLong("movement_id"), k -> new ArrayList<>())
                            .add(new LotShare(rs.getLong("lot_id"), rs.getString("lot_code"),
                                    rs.getObject("expires_on", LocalDate.class), rs.getInt("quantity")));
                }
            }
            return byMovement;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the lots of movements failed", e);
        }
    }

    /** Lots of a product and/or location in FEFO order; only those with stock unless {@code includeEmpty}. */
    public Page<LotView> list(String productId, String locationId, boolean includeEmpty, Instant now,
                              PageRequest page) {
        return Paging.page(dataSource, COUNT_LOTS, LIST_LOTS, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, productId);
            Jdbc.setNullableText(ps, i + 1, productId);
            Jdbc.setNullableText(ps, i + 2, locationId);
            Jdbc.setNullableText(ps, i + 3, locationId);
            ps.setBoolean(i + 4, includeEmpty);
            return i + 5;
        }, rs -> view(rs, now), page, "lots");
    }

    /** Lots with stock that expire within {@code days} days of their location's date (or have expired). */
    public Page<LotView> expiring(int days, String locationId, String productId, Instant now, PageRequest page) {
        LocalDate bound = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(days + 1L);
        return Paging.page(dataSource, COUNT_EXPIRING, LIST_EXPIRING, (c, ps, i) -> {
            ps.setObject(i, bound);
            ps.setObject(i + 1, Jdbc.timestamp(now));
            ps.setInt(i + 2, days);
            Jdbc.setNullableText(ps, i + 3, locationId);
            Jdbc.setNullableText(ps, i + 4, locationId);
            Jdbc.setNullableText(ps, i + 5, productId);
            Jdbc.setNullableText(ps, i + 6, productId);
            return i + 7;
        }, rs -> view(rs, now), page, "expiring lots");
    }

    /** Flags up to {@code limit} lots that have expired by {@code now}; returns them. */
    public List<Lot> flagExpired(Instant now, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FLAG_EXPIRED)) {
            ps.setObject(1, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
            ps.setObject(2, Jdbc.timestamp(now));
            ps.setInt(3, limit);
            ps.setObject(4, Jdbc.timestamp(now));
            List<Lot> flagged = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flagged.add(map(rs));
                }
            }
            return flagged;
        } catch (SQLException e) {
            throw DataAccessException.translate("Flagging expired lots failed", e);
        }
    }

    private static LotView view(ResultSet rs, Instant now) throws SQLException {
        return new LotView(map(rs), LocalDate.ofInstant(now, ZoneId.of(rs.getString("time_zone"))));
    }

    private static Lot map(ResultSet rs) throws SQLException {
        return new Lot(rs.getLong("lot_id"), new LevelKey(rs.getString("product_id"), rs.getString("location_id")),
                rs.getString("lot_code"), rs.getObject("expires_on", LocalDate.class), Jdbc.instant(rs, "received_at"),
                rs.getInt("quantity_on_hand"), Jdbc.instant(rs, "expired_at"), Jdbc.instant(rs, "updated_at"));
    }
}
