package io.salespulse.analytics.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.analytics.domain.Breakdown;
import io.salespulse.analytics.domain.DailyTotal;
import io.salespulse.analytics.domain.DayFigures;
import io.salespulse.analytics.domain.Dimension;
import io.salespulse.analytics.domain.DurableFigures;
import io.salespulse.analytics.domain.Money;
import io.salespulse.analytics.domain.ProductFigure;
import io.salespulse.analytics.domain.RollupDelta;
import io.salespulse.analytics.domain.SourceBreakdowns;
import io.salespulse.analytics.domain.TrendScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** analytics.daily_rollups and all_time_rollups: upserts of newly counted orders, and the figures they give. */
@ApplicationScoped
public class RollupRepository {

    /* Deltas are pre-aggregated per row (ON CONFLICT DO UPDATE may touch a row once per statement) and applied in
       key order, the same in every transaction, so concurrent replicas never deadlock on rollup rows. */
    static final String UPSERT_DAILY = """
            INSERT INTO daily_rollups AS r (day, dimension, key, label, revenue, orders, units)
            SELECT d.day, d.dimension, d.key, d.label, d.revenue, d.orders, d.units
              FROM unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::bigint[], ?::bigint[])
                   AS d(day, dimension, key, label, revenue, orders, units)
             ORDER BY d.day, d.dimension, d.key
            ON CONFLICT (day, dimension, key) DO UPDATE
               SET revenue = r.revenue + EXCLUDED.revenue,
                   orders = r.orders + EXCLUDED.orders,
                   units = r.units + EXCLUDED.units,
                   label = COALESCE(EXCLUDED.label, r.label),
                   updated_at = now()
            """;
    static final String UPSERT_ALL_TIME = """
            INSERT INTO all_time_rollups AS r (dimension, key, label, revenue, orders, units)
            SELECT d.dimension, d.key, d.label, d.revenue, d.orders, d.units
              FROM unnest(?::text[], ?::text[], ?::text[], ?::numeric[], ?::bigint[], ?::bigint[])
                   AS d(dimension, key, label, revenue, orders, units)
             ORDER BY d.dimension, d.key
            ON CONFLICT (dimension, key) DO UPDATE
               SET revenue = r.revenue + EXCLUDED.revenue,
                   orders = r.orders + EXCLUDED.orders,
                   units = r.units + EXCLUDED.units,
                   label = COALESCE(EXCLUDED.label, r.label),
                   updated_at = now()
            """;
    static final String SELECT_ALL_TIME_TOTAL = """
            SELECT revenue, orders, units FROM all_time_rollups WHERE dimension = 'total' AND key = 'all'
            """;
    // Primary key prefix (day, dimension).
    static final String SELECT_DAY_BREAKDOWNS = """
            SELECT dimension, key, revenue, orders, units
              FROM daily_rollups
             WHERE day = ? AND dimension IN ('total', 'channel', 'source', 'category', 'location', 'region')
             ORDER BY dimension, revenue DESC, key COLLATE "C"
            """;
    static final String SELECT_DAY_TOP_BY_REVENUE = """
            SELECT key, label, revenue, units
              FROM daily_rollups
             WHERE day = ? AND dimension = 'product' AND revenue > 0
             ORDER BY revenue DESC, units DESC, key COLLATE "C"
             LIMIT ?
            """;
    static final String SELECT_DAY_TOP_BY_UNITS = """
            SELECT key, label, revenue, units
              FROM daily_rollups
             WHERE day = ? AND dimension = 'product' AND units > 0
             ORDER BY units DESC, revenue DESC, key COLLATE "C"
             LIMIT ?
            """;
    // Primary key prefix (dimension): bounded by the catalog size.
    static final String SELECT_ALL_TIME_TOP_BY_REVENUE = """
            SELECT key, label, revenue, units
              FROM all_time_rollups
             WHERE dimension = 'product' AND revenue > 0
             ORDER BY revenue DESC, units DESC, key COLLATE "C"
             LIMIT ?
            """;
    static final String SELECT_ALL_TIME_TOP_BY_UNITS = """
            SELECT key, label, revenue, units
              FROM all_time_rollups
             WHERE dimension = 'product' AND units > 0
             ORDER BY units DESC, revenue DESC, key COLLATE "C"
             LIMIT ?
            """;
    // Index daily_rollups_dimension_day_idx.
    static final String SELECT_DAILY_TOTALS = """
            SELECT day, revenue, orders, units
              FROM daily_rollups
             WHERE dimension = 'total' AND day BETWEEN ? AND ?
             ORDER BY day
            """;

    // Trends of one scope: the days' rows of one dimension, summed over its keys (a source under several channels).
    // Index daily_rollups_dimension_day_idx narrows to the dimension and days; the keys are few.
    static final String SELECT_DAILY_SCOPE = """
            SELECT day, sum(revenue) AS revenue, sum(orders) AS orders, sum(units) AS units
              FROM daily_rollups
             WHERE dimension = ? AND key = ANY (?) AND day BETWEEN ? AND ?
             GROUP BY day
             ORDER BY day
            """;

    private final AgroalDataSource dataSource;

    public RollupRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsertDaily(List<RollupDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT_DAILY)) {
            ps.setArray(1, SqlArrays.text(c, deltas, RollupDelta::day));
            ps.setArray(2, SqlArrays.text(c, deltas, d -> d.dimension().column()));
            ps.setArray(3, SqlArrays.text(c, deltas, RollupDelta::key));
            ps.setArray(4, SqlArrays.text(c, deltas, RollupDelta::label));
            ps.setArray(5, SqlArrays.text(c, deltas, RollupDelta::revenue));
            ps.setArray(6, SqlArrays.text(c, deltas, RollupDelta::orders));
            ps.setArray(7, SqlArrays.text(c, deltas, RollupDelta::units));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Updating " + deltas.size() + " daily rollups failed", e);
        }
    }

    public void upsertAllTime(List<RollupDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT_ALL_TIME)) {
            ps.setArray(1, SqlArrays.text(c, deltas, d -> d.dimension().column()));
            ps.setArray(2, SqlArrays.text(c, deltas, RollupDelta::key));
            ps.setArray(3, SqlArrays.text(c, deltas, RollupDelta::label));
            ps.setArray(4, SqlArrays.text(c, deltas, RollupDelta::revenue));
            ps.setArray(5, SqlArrays.text(c, deltas, RollupDelta::orders));
            ps.setArray(6, SqlArrays.text(c, deltas, RollupDelta::units));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Updating " + deltas.size() + " all-time rollups failed", e);
        }
    }

    /**
     * Everything a snapshot takes from the rollups, read in one REPEATABLE READ transaction so that totals, today
     * and the breakdowns always agree with each other.
     */
    public DurableFigures durableFigures(LocalDate today, LocalDate dailyFrom, int topN) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                DurableFigures figures = read(c, today, dailyFrom, topN);
                c.commit();
                return figures;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading rollups failed", e);
        }
    }

    /** The 'total' rows of the days from {@code from} to {@code to}, inclusive; days without orders are absent. */
    public List<DailyTotal> dailyTotals(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection()) {
            return dailyTotals(c, from, to);
        } catch (SQLException e) {
            throw new DataAccessException("Reading daily totals failed", e);
        }
    }

    /** The days from {@code from} to {@code to}, inclusive, of one trend scope; days without orders are absent. */
    public List<DailyTotal> dailyTotals(TrendScope scope, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_DAILY_SCOPE)) {
            ps.setString(1, scope.dimension().column());
            ps.setArray(2, c.createArrayOf("text", scope.keys().toArray()));
            ps.setObject(3, from);
            ps.setObject(4, to);
            return readDailyTotals(ps);
        } catch (SQLException e) {
            throw new DataAccessException("Reading daily totals of " + scope.dimension().column() + " failed", e);
        }
    }

    private DurableFigures read(Connection c, LocalDate today, LocalDate dailyFrom, int topN) throws SQLException {
        BigDecimal totalRevenue = Money.ZERO;
        long totalOrders = 0;
        long totalUnits = 0;
        try (PreparedStatement ps = c.prepareStatement(SELECT_ALL_TIME_TOTAL); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                totalRevenue = rs.getBigDecimal("revenue");
                totalOrders = rs.getLong("orders");
                totalUnits = rs.getLong("units");
            }
        }
        Map<Dimension, List<Breakdown>> breakdowns = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            breakdowns.put(d, new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT_DAY_BREAKDOWNS)) {
            ps.setObject(1, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    breakdowns.get(Dimension.ofColumn(rs.getString("dimension"))).add(new Breakdown(
                            rs.getString("key"), rs.getBigDecimal("revenue"), rs.getLong("orders"),
                            rs.getLong("units")));
                }
            }
        }
        List<Breakdown> total = breakdowns.get(Dimension.TOTAL);
        DayFigures todayFigures = total.isEmpty() ? new DayFigures(today, Money.ZERO, 0, 0)
                : new DayFigures(today, total.get(0).revenue(), total.get(0).orders(), total.get(0).units());
        return new DurableFigures(today, totalRevenue, totalOrders, totalUnits, todayFigures,
                products(c, SELECT_DAY_TOP_BY_REVENUE, today, topN),
                products(c, SELECT_DAY_TOP_BY_UNITS, today, topN),
                products(c, SELECT_ALL_TIME_TOP_BY_REVENUE, null, topN),
                products(c, SELECT_ALL_TIME_TOP_BY_UNITS, null, topN),
                breakdowns.get(Dimension.CHANNEL),
                SourceBreakdowns.group(breakdowns.get(Dimension.CHANNEL), breakdowns.get(Dimension.SOURCE)),
                breakdowns.get(Dimension.CATEGORY),
                breakdowns.get(Dimension.LOCATION), breakdowns.get(Dimension.REGION),
                dailyTotals(c, dailyFrom, today));
    }

    private static List<ProductFigure> products(Connection c, String sql, LocalDate day, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (day != null) {
                ps.setObject(i++, day);
            }
            ps.setInt(i, limit);
            List<ProductFigure> products = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(new ProductFigure(rs.getString("key"), rs.getString("label"), rs.getLong("units"),
                            rs.getBigDecimal("revenue")));
                }
            }
            return products;
        }
    }

    private static List<DailyTotal> dailyTotals(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_DAILY_TOTALS)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            return readDailyTotals(ps);
        }
    }

    private static List<DailyTotal> readDailyTotals(PreparedStatement ps) throws SQLException {
        List<DailyTotal> days = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                days.add(new DailyTotal(rs.getObject("day", LocalDate.class), rs.getBigDecimal("revenue"),
                        rs.getLong("orders"), rs.getLong("units")));
            }
        }
        return days;
    }
}
