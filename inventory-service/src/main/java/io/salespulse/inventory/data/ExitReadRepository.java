package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.ExitMatcher;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** RFID exit reads waiting to be matched with sales, the matches, and the sales they are matched with. */
@ApplicationScoped
public class ExitReadRepository {
    /** Idempotency: the key is (observationId, line), so a redelivered EXIT_READ inserts nothing. */
    static final String INSERT = """
            INSERT INTO exit_reads (observation_id, line_no, location_id, device_id, gtin, product_id, units, seen_at,
                                    due_at)
            SELECT ?, l.line_no, ?, ?, l.gtin, l.product_id, l.units, l.seen_at, l.seen_at + ?::interval
              FROM unnest(?::int4[], ?::text[], ?::text[], ?::int4[], ?::timestamptz[])
                   AS l (line_no, gtin, product_id, units, seen_at)
            ON CONFLICT DO NOTHING
            """;
    static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    /** Key of the matcher's advisory lock ("exits" in ASCII): one matcher at a time across instances. */
    static final long MATCHER_LOCK = 0x6578697473L;
    static final String DUE = """
            SELECT observation_id, line_no, location_id, product_id, units, seen_at FROM exit_reads
             WHERE settled_at IS NULL AND due_at <= ?
             ORDER BY due_at, observation_id, line_no LIMIT ?
            """;
    /** SALE movements of a product at a location in a time range, with the units no exit has used yet. */
    static final String SALES = """
            SELECT m.movement_id, m.occurred_at,
                   -m.quantity - COALESCE((SELECT sum(x.units) FROM exit_sale_matches x
                                            WHERE x.movement_id = m.movement_id), 0) AS available
              FROM stock_movements m
             WHERE m.product_id = ? AND m.location_id = ? AND m.cause = 'SALE'
               AND m.occurred_at BETWEEN ? AND ?
            """;
    static final String INSERT_MATCHES = """
            INSERT INTO exit_sale_matches (movement_id, observation_id, line_no, units)
            SELECT * FROM unnest(?::int8[], ?::uuid[], ?::int4[], ?::int4[])
            """;
    static final String SETTLE = """
            UPDATE exit_reads AS e SET settled_at = ?, matched_units = v.matched, unmatched_units = v.unmatched,
                                       alert_id = v.alert_id
              FROM unnest(?::uuid[], ?::int4[], ?::int4[], ?::int4[], ?::uuid[])
                   AS v (observation_id, line_no, matched, unmatched, alert_id)
             WHERE e.observation_id = v.observation_id AND e.line_no = v.line_no AND e.settled_at IS NULL
            """;

    /** One line of an EXIT_READ as stored. */
    public record NewExit(int lineNo, String gtin, String productId, int units, Instant seenAt) {
    }

    /** An exit read due for matching; {@code productId} null when the GTIN is unknown. */
    public record DueExit(UUID observationId, int lineNo, String locationId, String productId, int units,
                          Instant seenAt) {
    }

    /** The outcome of one exit line. */
    public record Settlement(DueExit exit, int matchedUnits, int unmatchedUnits, UUID alertId) {
    }

    /** {@code units} of sale movement {@code movementId} justified this exit line. */
    public record SaleMatch(long movementId, UUID observationId, int lineNo, int units) {
    }

    private final AgroalDataSource dataSource;

    public ExitReadRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the lines of one EXIT_READ, due {@code settleDelay} after each was seen; false if it exists already. */
    public boolean insert(UUID observationId, String locationId, String deviceId, List<NewExit> lines,
                          Duration settleDelay) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, observationId);
            ps.setString(2, locationId);
            ps.setString(3, deviceId);
            ps.setString(4, settleDelay.toMillis() + " milliseconds");
            ps.setArray(5, Jdbc.intArray(c, lines.stream().map(NewExit::lineNo).toList()));
            ps.setArray(6, Jdbc.textArray(c, lines.stream().map(NewExit::gtin).toList()));
            ps.setArray(7, Jdbc.textArray(c, lines.stream().map(NewExit::productId).toList()));
            ps.setArray(8, Jdbc.intArray(c, lines.stream().map(NewExit::units).toList()));
            ps.setArray(9, Jdbc.textArray(c, lines.stream().map(l -> l.seenAt().toString()).toList()));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw DataAccessException.translate("Recording exit reads of " + observationId + " failed", e);
        }
    }

    /** Takes the matcher lock for the current transaction; false when another instance is matching. */
    public boolean tryLockMatcher() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TRY_LOCK)) {
            ps.setLong(1, MATCHER_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Locking the exit matcher failed", e);
        }
    }

    public List<DueExit> due(Instant now, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DUE)) {
            ps.setObject(1, Jdbc.timestamp(now));
            ps.setInt(2, limit);
            List<DueExit> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new DueExit(Jdbc.uuid(rs, "observation_id"), rs.getInt("line_no"),
                            rs.getString("location_id"), rs.getString("product_id"), rs.getInt("units"),
                            Jdbc.instant(rs, "seen_at")));
                }
            }
            return due;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading due exit reads failed", e);
        }
    }

    public List<ExitMatcher.Sale> sales(String productId, String locationId, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SALES)) {
            ps.setString(1, productId);
            ps.setString(2, locationId);
            ps.setObject(3, Jdbc.timestamp(from));
            ps.setObject(4, Jdbc.timestamp(to));
            List<ExitMatcher.Sale> sales = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sales.add(new ExitMatcher.Sale(rs.getLong("movement_id"), Jdbc.instant(rs, "occurred_at"),
                            rs.getInt("available")));
                }
            }
            return sales;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading sales of " + productId + " at " + locationId + " failed", e);
        }
    }

    public void insertMatches(Collection<SaleMatch> matches) {
        if (matches.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_MATCHES)) {
            ps.setArray(1, c.createArrayOf("int8", matches.stream().map(SaleMatch::movementId).toArray()));
            ps.setArray(2, Jdbc.textArray(c, matches.stream().map(m -> m.observationId().toString()).toList()));
            ps.setArray(3, Jdbc.intArray(c, matches.stream().map(SaleMatch::lineNo).toList()));
            ps.setArray(4, Jdbc.intArray(c, matches.stream().map(SaleMatch::units).toList()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Recording exit/sale matches failed", e);
        }
    }

    public void settle(Collection<Settlement> settlements, Instant now) {
        if (settlements.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SETTLE)) {
            ps.setObject(1, Jdbc.timestamp(now));
            ps.setArray(2, Jdbc.textArray(c, settlements.stream().map(s -> s.exit().observationId().toString())
                    .toList()));
            ps.setArray(3, Jdbc.intArray(c, settlements.stream().map(s -> s.exit().lineNo()).toList()));
            ps.setArray(4, Jdbc.intArray(c, settlements.stream().map(Settlement::matchedUnits).toList()));
            ps.setArray(5, Jdbc.intArray(c, settlements.stream().map(Settlement::unmatchedUnits).toList()));
            ps.setArray(6, Jdbc.textArray(c, settlements.stream()
                    .map(s -> s.alertId() == null ? null : s.alertId().toString()).toList()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Settling exit reads failed", e);
        }
    }
}
