package io.salespulse.analytics.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.analytics.domain.OrderType;
import io.salespulse.analytics.domain.RecordedLine;
import io.salespulse.analytics.domain.RecordedOrder;
import io.salespulse.analytics.domain.Rollups;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** analytics.counted_orders and counted_lines: which orders have been counted, and what the rebuild needs. */
@ApplicationScoped
public class CountedOrderRepository {

    /*
     * The whole batch in one statement. ON CONFLICT DO NOTHING (no target) skips an order whose order_id OR
     * event_id is counted already; a concurrent replica inserting the same order makes this statement wait for
     * its transaction and then skip it. RETURNING names exactly the orders this transaction counts. Rows are
     * inserted in order_id order so that two replicas lock the same rows in the same order (no deadlock).
     */
    static final String INSERT_ORDERS = """
            INSERT INTO counted_orders (counted_by, order_id, event_id, type, channel, source, external_id,
                                        location_id, region, currency, occurred_at, recorded_at, business_day,
                                        total, units, line_count, original_currency, original_total, exchange_rate)
            SELECT ?, o.order_id, o.event_id, o.type, o.channel, o.source, o.external_id, o.location_id, o.region,
                   o.currency, o.occurred_at, o.recorded_at, o.business_day, o.total, o.units, o.line_count,
                   o.original_currency, o.original_total, o.exchange_rate
              FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::timestamptz[], ?::timestamptz[], ?::date[], ?::numeric[], ?::bigint[],
                          ?::int[], ?::text[], ?::numeric[], ?::numeric[])
                   AS o(order_id, event_id, type, channel, source, external_id, location_id, region, currency,
                        occurred_at, recorded_at, business_day, total, units, line_count, original_currency,
                        original_total, exchange_rate)
             ORDER BY o.order_id
            ON CONFLICT DO NOTHING
            RETURNING order_id
            """;
    static final String INSERT_LINES = """
            INSERT INTO counted_lines (order_id, line_no, product_id, name, category, quantity, unit_price,
                                       line_total, occurred_at)
            SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[],
                                 ?::numeric[], ?::timestamptz[])
            """;
    static final String SELECT_EXISTING = """
            SELECT order_id FROM counted_orders WHERE order_id = ANY (?::uuid[])
            """;
    /* Rebuild: orders of the horizon by event time, except those that were more than 5 s in the future when
       counted (the live window ignored them then, so a rebuilt one must too). */
    static final String SELECT_RECENT_ORDERS = """
            SELECT order_id, type, occurred_at, total
              FROM counted_orders
             WHERE occurred_at > ?
               AND occurred_at <= counted_at + INTERVAL '5 seconds'
            """;
    static final String SELECT_RECENT_LINES = """
            SELECT order_id, product_id, name, quantity, line_total
              FROM counted_lines
             WHERE occurred_at > ?
             ORDER BY order_id, line_no
            """;
    static final String SELECT_RECENTLY_COUNTED_OLD = """
            SELECT order_id, counted_at
              FROM counted_orders
             WHERE counted_at > ?
               AND occurred_at <= ?
            """;

    /* One statement for an order and its lines (the foreign key is checked at its end); SKIP LOCKED so replicas
       pruning at once take different rows. */
    static final String DELETE_COUNTED_BEFORE = """
            WITH old AS (
                SELECT order_id FROM counted_orders
                 WHERE counted_at < now() - make_interval(secs => ?)
                 ORDER BY counted_at
                 LIMIT ?
                   FOR UPDATE SKIP LOCKED
            ), old_lines AS (
                DELETE FROM counted_lines l USING old WHERE l.order_id = old.order_id
            )
            DELETE FROM counted_orders o USING old WHERE o.order_id = old.order_id
            """;

    private static final int FETCH_SIZE = 5_000;

    private final AgroalDataSource dataSource;

    public CountedOrderRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the orders not counted yet (by order id or event id); returns the ids this call counted. */
    public Set<UUID> insertNew(List<RecordedOrder> orders, ZoneId zone, String countedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ORDERS)) {
            int i = 1;
            ps.setString(i++, countedBy);
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::orderId));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::eventId));
            ps.setArray(i++, SqlArrays.text(c, orders, o -> o.type().name()));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::channel));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::source));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::externalId));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::locationId));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::region));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::currency));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::occurredAt));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::recordedAt));
            ps.setArray(i++, SqlArrays.text(c, orders, o -> Rollups.businessDay(o.occurredAt(), zone)));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::total));
            ps.setArray(i++, SqlArrays.text(c, orders, RecordedOrder::signedUnits));
            ps.setArray(i++, SqlArrays.text(c, orders, o -> o.lines().size()));
            ps.setArray(i++, SqlArrays.text(c, orders, o -> o.conversion() == null ? null
                    : o.conversion().originalCurrency()));
            ps.setArray(i++, SqlArrays.text(c, orders, o -> o.conversion() == null ? null
                    : o.conversion().originalTotal()));
            ps.setArray(i, SqlArrays.text(c, orders, o -> o.conversion() == null ? null : o.conversion().rate()));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject("order_id", UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new DataAccessException("Counting " + orders.size() + " orders failed", e);
        }
    }

    /** Stores the lines of orders this transaction just counted. */
    public void insertLines(List<RecordedOrder> orders) {
        List<OrderLine> lines = new ArrayList<>();
        for (RecordedOrder order : orders) {
            for (RecordedLine line : order.lines()) {
                lines.add(new OrderLine(order, line));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_LINES)) {
            ps.setArray(1, SqlArrays.text(c, lines, l -> l.order().orderId()));
            ps.setArray(2, SqlArrays.text(c, lines, l -> l.line().lineNo()));
            ps.setArray(3, SqlArrays.text(c, lines, l -> l.line().productId()));
            ps.setArray(4, SqlArrays.text(c, lines, l -> l.line().name()));
            ps.setArray(5, SqlArrays.text(c, lines, l -> l.line().category()));
            ps.setArray(6, SqlArrays.text(c, lines, l -> l.line().quantity()));
            ps.setArray(7, SqlArrays.text(c, lines, l -> l.line().unitPrice()));
            ps.setArray(8, SqlArrays.text(c, lines, l -> l.line().lineTotal()));
            ps.setArray(9, SqlArrays.text(c, lines, l -> l.order().occurredAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Storing " + lines.size() + " counted lines failed", e);
        }
    }

    /** Forgets up to {@code limit} orders (and their lines) counted more than {@code age} ago; returns how many. */
    public int deleteCountedBefore(Duration age, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE_COUNTED_BEFORE)) {
            ps.setDouble(1, age.toMillis() / 1000.0);
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Deleting counted orders older than " + age + " failed", e);
        }
    }

    /** Which of these order ids are counted (by anyone). */
    public Set<UUID> existing(Collection<UUID> orderIds) {
        List<UUID> ids = List.copyOf(orderIds);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_EXISTING)) {
            ps.setArray(1, SqlArrays.text(c, ids, id -> id));
            Set<UUID> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject("order_id", UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DataAccessException("Reading counted orders failed", e);
        }
    }

    /**
     * Streams what the live window needs, in one read-only REPEATABLE READ transaction so that orders and lines
     * are one consistent view: lines with event time after {@code linesAfter}, then orders after
     * {@code ordersAfter}, then the ids counted after {@code countedAfter} whose event time is at or before
     * {@code ordersAfter}.
     */
    public void readForRebuild(Instant linesAfter, Instant ordersAfter, Instant countedAfter,
                               Consumer<CountedLineRow> lines, Consumer<CountedOrderRow> orders,
                               BiConsumer<UUID, Instant> countedOld) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            // A cursor (fetch size) needs a transaction; REPEATABLE READ gives all three reads one snapshot.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (PreparedStatement ps = c.prepareStatement(SELECT_RECENT_LINES)) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setObject(1, SqlArrays.timestamp(linesAfter));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lines.accept(new CountedLineRow(rs.getObject("order_id", UUID.class),
                                    rs.getString("product_id"), rs.getString("name"), rs.getInt("quantity"),
                                    rs.getBigDecimal("line_total")));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(SELECT_RECENT_ORDERS)) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setObject(1, SqlArrays.timestamp(ordersAfter));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            orders.accept(new CountedOrderRow(rs.getObject("order_id", UUID.class),
                                    OrderType.valueOf(rs.getString("type")),
                                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                                    rs.getBigDecimal("total")));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(SELECT_RECENTLY_COUNTED_OLD)) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setObject(1, SqlArrays.timestamp(countedAfter));
                    ps.setObject(2, SqlArrays.timestamp(ordersAfter));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            countedOld.accept(rs.getObject("order_id", UUID.class),
                                    rs.getObject("counted_at", OffsetDateTime.class).toInstant());
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading counted orders for the live window failed", e);
        }
    }

    private record OrderLine(RecordedOrder order, RecordedLine line) {
    }
}
