package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reconciliations of RFID cycle counts with the books, and their lines. */
@ApplicationScoped
public class ReconciliationRepository {
    static final String COLUMNS = "reconciliation_id, location_id, device_id, zone, started_at, counted_at, "
            + "recorded_at, status, products_counted, products_differing, units_expected, units_observed, "
            + "shrinkage_units, surplus_units, unknown_gtins, applied_at, applied_by";
    /** Idempotency: the id is the observationId, so a redelivered cycle count inserts nothing. */
    static final String INSERT = """
            INSERT INTO reconciliations (reconciliation_id, location_id, device_id, zone, started_at, counted_at,
                                         recorded_at, status, products_counted, products_differing, units_expected,
                                         units_observed, shrinkage_units, surplus_units, unknown_gtins)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (reconciliation_id) DO NOTHING
            """;
    static final String INSERT_LINES = """
            INSERT INTO reconciliation_lines (reconciliation_id, line_no, gtin, product_id, expected, observed,
                                              difference)
            SELECT ?, l.* FROM unnest(?::int4[], ?::text[], ?::text[], ?::int4[], ?::int4[], ?::int4[])
                   AS l (line_no, gtin, product_id, expected, observed, difference)
            """;
    static final String FIND = "SELECT " + COLUMNS + " FROM reconciliations WHERE reconciliation_id = ?";
    static final String LOCK = FIND + " FOR UPDATE";
    static final String LINES = """
            SELECT line_no, gtin, product_id, expected, observed, difference FROM reconciliation_lines
             WHERE reconciliation_id = ? ORDER BY line_no
            """;
    static final String MARK_APPLIED = """
            UPDATE reconciliations SET status = 'APPLIED', applied_at = ?, applied_by = ?
             WHERE reconciliation_id = ? AND status = 'OPEN'
            """;
    static final String FILTERED = """
            SELECT %s FROM reconciliations
             WHERE (?::text IS NULL OR location_id = ?)
               AND (?::text IS NULL OR status = ?)
            """;
    static final String COUNT = FILTERED.formatted("count(*)");
    static final String LIST = FILTERED.formatted(COLUMNS)
            + " ORDER BY recorded_at DESC, reconciliation_id LIMIT ? OFFSET ?";

    private final AgroalDataSource dataSource;

    public ReconciliationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new reconciliation with its lines; false (and nothing written) when it exists already. */
    public boolean insert(Reconciliation r, List<Reconciliation.Line> lines) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, r.reconciliationId());
                ps.setString(2, r.locationId());
                ps.setString(3, r.deviceId());
                Jdbc.setNullableText(ps, 4, r.zone());
                ps.setObject(5, Jdbc.timestamp(r.startedAt()));
                ps.setObject(6, Jdbc.timestamp(r.countedAt()));
                ps.setObject(7, Jdbc.timestamp(r.recordedAt()));
                ps.setString(8, r.status().name());
                ps.setInt(9, r.productsCounted());
                ps.setInt(10, r.productsDiffering());
                ps.setInt(11, r.unitsExpected());
                ps.setInt(12, r.unitsObserved());
                ps.setInt(13, r.shrinkageUnits());
                ps.setInt(14, r.surplusUnits());
                ps.setInt(15, r.unknownGtins());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!lines.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_LINES)) {
                    ps.setObject(1, r.reconciliationId());
                    ps.setArray(2, Jdbc.intArray(c, lines.stream().map(Reconciliation.Line::lineNo).toList()));
                    ps.setArray(3, Jdbc.textArray(c, lines.stream().map(Reconciliation.Line::gtin).toList()));
                    ps.setArray(4, Jdbc.textArray(c, lines.stream().map(Reconciliation.Line::productId).toList()));
                    ps.setArray(5, Jdbc.intArray(c, lines.stream().map(Reconciliation.Line::expected).toList()));
                    ps.setArray(6, Jdbc.intArray(c, lines.stream().map(Reconciliation.Line::observed).toList()));
                    ps.setArray(7, Jdbc.intArray(c, lines.stream().map(Reconciliation.Line::difference).toList()));
                    ps.executeUpdate();
                }
            }
            return true;
        } catch (SQLException e) {
            throw DataAccessException.translate("Storing reconciliation " + r.reconciliationId() + " failed", e);
        }
    }

    public Optional<Reconciliation> find(UUID id) {
        return findOne(FIND, id);
    }

    /** The reconciliation, locked until the transaction ends (applying it). */
    public Optional<Reconciliation> lock(UUID id) {
        return findOne(LOCK, id);
    }

    public List<Reconciliation.Line> lines(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LINES)) {
            ps.setObject(1, id);
            List<Reconciliation.Line> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Reconciliation.Line(rs.getInt("line_no"), rs.getString("gtin"),
                            rs.getString("product_id"), Jdbc.nullableInt(rs, "expected"), rs.getInt("observed"),
                            Jdbc.nullableInt(rs, "difference")));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the lines of reconciliation " + id + " failed", e);
        }
    }

    public void markApplied(Reconciliation applied) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_APPLIED)) {
            ps.setObject(1, Jdbc.timestamp(applied.appliedAt()));
            ps.setString(2, applied.appliedBy());
            ps.setObject(3, applied.reconciliationId());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("Reconciliation " + applied.reconciliationId() + " is not open");
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Applying reconciliation " + applied.reconciliationId() + " failed",
                    e);
        }
    }

    /** Newest first, optionally of one location and/or in one status. */
    public Page<Reconciliation> list(String locationId, Reconciliation.Status status, PageRequest page) {
        String statusName = status == null ? null : status.name();
        return Paging.page(dataSource, COUNT, LIST, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, locationId);
            Jdbc.setNullableText(ps, i + 1, locationId);
            Jdbc.setNullableText(ps, i + 2, statusName);
            Jdbc.setNullableText(ps, i + 3, statusName);
            return i + 4;
        }, ReconciliationRepository::map, page, "reconciliations");
    }

    private Optional<Reconciliation> findOne(String sql, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading reconciliation " + id + " failed", e);
        }
    }

    private static Reconciliation map(ResultSet rs) throws SQLException {
        return new Reconciliation(Jdbc.uuid(rs, "reconciliation_id"), rs.getString("location_id"),
                rs.getString("device_id"), rs.getString("zone"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "counted_at"), Jdbc.instant(rs, "recorded_at"),
                Reconciliation.Status.valueOf(rs.getString("status")), rs.getInt("products_counted"),
                rs.getInt("products_differing"), rs.getInt("units_expected"), rs.getInt("units_observed"),
                rs.getInt("shrinkage_units"), rs.getInt("surplus_units"), rs.getInt("unknown_gtins"),
                Jdbc.instant(rs, "applied_at"), rs.getString("applied_by"));
    }
}
