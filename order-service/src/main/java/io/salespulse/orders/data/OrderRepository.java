package io.salespulse.orders.data;

import io.salespulse.orders.domain.Channel;
import io.salespulse.orders.domain.Order;
import io.salespulse.orders.domain.OrderCriteria;
import io.salespulse.orders.domain.OrderHeader;
import io.salespulse.orders.domain.OrderLine;
import io.salespulse.orders.domain.OrderSort;
import io.salespulse.orders.domain.OrderSource;
import io.salespulse.orders.domain.OrderType;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** orders.orders and orders.order_lines: the recorded sales and returns. */
@ApplicationScoped
public class OrderRepository {
    private static final String HEADER_COLUMNS = """
            o.order_id, o.event_id, o.type, o.channel, o.source, o.external_id, o.location_id, o.region,
            o.occurred_at, o.recorded_at, o.currency, o.total, o.item_count, o.customer_ref, o.return_of""";
    /**
     * No conflict target: a conflict on order_id, on event_id (the same event again) or on the source's order
     * identity (the same order under a new event id) all mean "already recorded". The update count (1 or 0) tells
     * which orders this batch created.
     */
    private static final String INSERT_ORDER = """
            INSERT INTO orders (order_id, event_id, type, channel, source, external_id, location_id, region,
                                occurred_at, recorded_at, currency, total, item_count, customer_ref, return_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_LINE = """
            INSERT INTO order_lines (order_id, line_no, product_id, sku, name, category, quantity, unit_price,
                                     line_total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id, line_no) DO NOTHING""";
    private static final String FIND_BY_EVENT_IDS =
            "SELECT " + HEADER_COLUMNS + " FROM orders o WHERE o.event_id = ANY (?)";
    private static final String FIND_BY_EXTERNAL_ID = "SELECT " + HEADER_COLUMNS
            + " FROM orders o WHERE o.channel = ? AND o.source = ? AND o.external_id = ? AND o.type = ?";
    private static final String FIND_BY_ID = "SELECT " + HEADER_COLUMNS + " FROM orders o WHERE o.order_id = ?";
    private static final String FIND_SALE_BY_EVENT_ID = "SELECT " + HEADER_COLUMNS
            + " FROM orders o WHERE o.event_id = ? AND o.type = 'SALE'";
    /** orders_external_id_idx finds the externalId; a source has it at most once per type. */
    private static final String FIND_SALE_BY_SOURCE_ID = "SELECT " + HEADER_COLUMNS
            + " FROM orders o WHERE o.external_id = ? AND o.source = ? AND o.type = 'SALE'";
    /**
     * Units returned per product by the RETURN orders naming a sale: by its eventId (any source), or by its externalId
     * from the sale's own source (an externalId is unique only within its source). orders_return_of_idx.
     */
    private static final String RETURNED_UNITS = """
            SELECT l.product_id, sum(l.quantity) AS units
            FROM orders o JOIN order_lines l ON l.order_id = o.order_id
            WHERE o.type = 'RETURN' AND (o.return_of = ? OR (o.return_of = ? AND o.source = ?))
            GROUP BY l.product_id""";
    private static final String FIND_LINES = """
            SELECT order_id, line_no, product_id, sku, name, category, quantity, unit_price, line_total
            FROM order_lines
            WHERE order_id = ANY (?)
            ORDER BY order_id, line_no""";

    // GET /orders: constant fragments joined by the criteria present; values only ever travel as parameters.
    private static final String SEARCH = "SELECT " + HEADER_COLUMNS + " FROM orders o";
    private static final String COUNT = "SELECT count(*) FROM orders o";
    private static final String WHERE_FROM = "o.occurred_at >= ?";
    private static final String WHERE_TO = "o.occurred_at < ?";
    // Any of a set of values: one array parameter, so the statement text does not depend on how many.
    private static final String WHERE_CHANNEL = "o.channel = ANY (?)";
    private static final String WHERE_SOURCE = "o.source = ANY (?)";
    private static final String WHERE_LOCATION = "o.location_id = ?";
    private static final String WHERE_TYPE = "o.type = ?";
    private static final String WHERE_CURRENCY = "o.currency = ?";
    private static final String WHERE_MIN_TOTAL = "o.total >= ?";
    private static final String WHERE_MAX_TOTAL = "o.total <= ?";
    private static final String WHERE_PRODUCT =
            "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id AND l.product_id = ?)";
    private static final String LIMIT_OFFSET = " LIMIT ? OFFSET ?";
    /** GET /orders/sources; PostgreSQL can group it on the (channel, source, ...) prefix of orders_external_uk. */
    private static final String SOURCES = """
            SELECT channel, source, count(*) AS orders
            FROM orders
            GROUP BY channel, source
            ORDER BY channel, source""";
    /**
     * The only columns ORDER BY ever names; order_id follows as tie-breaker so pages are stable. type, region, currency
     * and return_of have few distinct values (or are mostly null) and no index: sorting by them sorts the filtered rows.
     * Orders without a region or returnOf come last ascending, first descending (PostgreSQL's NULL order).
     */
    private static final Map<OrderSort.Field, String> SORT_COLUMNS = new EnumMap<>(Map.ofEntries(
            Map.entry(OrderSort.Field.OCCURRED_AT, "o.occurred_at"),
            Map.entry(OrderSort.Field.RECORDED_AT, "o.recorded_at"),
            Map.entry(OrderSort.Field.TOTAL, "o.total"),
            Map.entry(OrderSort.Field.CHANNEL, "o.channel"),
            Map.entry(OrderSort.Field.SOURCE, "o.source"),
            Map.entry(OrderSort.Field.LOCATION_ID, "o.location_id"),
            Map.entry(OrderSort.Field.ITEM_COUNT, "o.item_count"),
            Map.entry(OrderSort.Field.EXTERNAL_ID, "o.external_id"),
            Map.entry(OrderSort.Field.TYPE, "o.type"),
            Map.entry(OrderSort.Field.REGION, "o.region"),
            Map.entry(OrderSort.Field.CURRENCY, "o.currency"),
            Map.entry(OrderSort.Field.RETURN_OF, "o.return_of")));

    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the orders and, for those not recorded before, their lines, in two JDBC batches.
     *
     * @return per order (same index), whether this call created it
     */
    public boolean[] insertAll(List<Order> orders) {
        boolean[] inserted = new boolean[orders.size()];
        if (orders.isEmpty()) {
            return inserted;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insertOrder = connection.prepareStatement(INSERT_ORDER);
             PreparedStatement insertLine = connection.prepareStatement(INSERT_LINE)) {
            for (Order order : orders) {
                bindOrder(insertOrder, order.header());
                insertOrder.addBatch();
            }
            int[] counts = insertOrder.executeBatch();
            boolean anyLine = false;
            for (int i = 0; i < orders.size(); i++) {
                inserted[i] = counts[i] > 0;
                if (inserted[i]) {
                    for (OrderLine line : orders.get(i).lines()) {
                        bindLine(insertLine, orders.get(i).orderId(), line);
                        insertLine.addBatch();
                        anyLine = true;
                    }
                }
            }
            if (anyLine) {
                insertLine.executeBatch();
            }
            return inserted;
        } catch (SQLException e) {
            throw new DataAccessException("Inserting orders", e);
        }
    }

    /** Orders (with lines) recorded from these events, by event id. */
    public Map<UUID, Order> findByEventIds(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(FIND_BY_EVENT_IDS)) {
            ps.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            List<OrderHeader> headers = readHeaders(ps);
            Map<UUID, List<OrderLine>> lines = findLines(connection, headers.stream().map(OrderHeader::orderId).toList());
            Map<UUID, Order> orders = new HashMap<>();
            for (OrderHeader header : headers) {
                orders.put(header.eventId(), new Order(header, lines.getOrDefault(header.orderId(), List.of())));
            }
            return orders;
        } catch (SQLException e) {
            throw new DataAccessException("Reading orders by event id", e);
        }
    }

    /** The order the source system knows under this id (recorded from whichever event came first). */
    public Optional<Order> findByExternalId(Channel channel, String source, String externalId, OrderType type) {
        return findOne(FIND_BY_EXTERNAL_ID, "Reading an order by external id", ps -> {
            ps.setString(1, channel.name());
            ps.setString(2, source);
            ps.setString(3, externalId);
            ps.setString(4, type.name());
        });
    }

    /** The sale recorded from this event. */
    public Optional<Order> findSaleByEventId(UUID eventId) {
        return findOne(FIND_SALE_BY_EVENT_ID, "Reading a sale by event id", ps -> ps.setObject(1, eventId));
    }

    /** The sale {@code source} knows under {@code externalId}, whichever channel it came through. */
    public Optional<Order> findSaleBySourceId(String source, String externalId) {
        return findOne(FIND_SALE_BY_SOURCE_ID, "Reading a sale by external id", ps -> {
            ps.setString(1, externalId);
            ps.setString(2, source);
        });
    }

    /** Units of each product that RETURN orders naming {@code sale} brought back. */
    public Map<String, Integer> returnedUnits(OrderHeader sale) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(RETURNED_UNITS)) {
            ps.setString(1, sale.eventId().toString());
            ps.setString(2, sale.externalId());
            ps.setString(3, sale.source());
            Map<String, Integer> units = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.put(rs.getString("product_id"), rs.getInt("units"));
                }
            }
            return units;
        } catch (SQLException e) {
            throw new DataAccessException("Adding up the returns of a sale", e);
        }
    }

    public Optional<Order> findById(UUID orderId) {
        return findOne(FIND_BY_ID, "Reading an order", ps -> ps.setObject(1, orderId));
    }

    /** The order (with its lines) that {@code sql}, a header query for at most one order, finds. */
    private Optional<Order> findOne(String sql, String what, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            parameters.bind(ps);
            return withLines(connection, readHeaders(ps));
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public List<OrderHeader> search(OrderCriteria criteria) {
        Filter filter = Filter.of(criteria);
        String direction = criteria.sort().descending() ? " DESC" : " ASC";
        String sql = SEARCH + filter.where() + " ORDER BY " + SORT_COLUMNS.get(criteria.sort().field()) + direction
                + ", o.order_id" + direction + LIMIT_OFFSET;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            int index = filter.bind(ps);
            ps.setInt(index++, criteria.size());
            ps.setLong(index, criteria.offset());
            return readHeaders(ps);
        } catch (SQLException e) {
            throw new DataAccessException("Searching orders", e);
        }
    }

    public long count(OrderCriteria criteria) {
        Filter filter = Filter.of(criteria);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(COUNT + filter.where())) {
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Counting orders", e);
        }
    }

    public List<OrderSource> sources() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(SOURCES);
             ResultSet rs = ps.executeQuery()) {
            List<OrderSource> sources = new ArrayList<>();
            while (rs.next()) {
                sources.add(new OrderSource(Channel.valueOf(rs.getString("channel")), rs.getString("source"),
                        rs.getLong("orders")));
            }
            return sources;
        } catch (SQLException e) {
            throw new DataAccessException("Listing order sources", e);
        }
    }

    /** The WHERE clause of a search: constant fragments and their parameters, in the same order. */
    private record Filter(List<String> clauses, List<Object> parameters) {

        static Filter of(OrderCriteria criteria) {
            Filter filter = new Filter(new ArrayList<>(), new ArrayList<>());
            filter.add(WHERE_FROM, criteria.from());
            filter.add(WHERE_TO, criteria.to());
            filter.addAny(WHERE_CHANNEL, criteria.channels().stream().map(Channel::name).sorted().toList());
            filter.addAny(WHERE_SOURCE, criteria.sources().stream().sorted().toList());
            filter.add(WHERE_LOCATION, criteria.locationId());
            filter.add(WHERE_PRODUCT, criteria.productId());
            filter.add(WHERE_TYPE, criteria.type() == null ? null : criteria.type().name());
            filter.add(WHERE_CURRENCY, criteria.currency());
            filter.add(WHERE_MIN_TOTAL, criteria.minTotal());
            filter.add(WHERE_MAX_TOTAL, criteria.maxTotal());
            return filter;
        }

        private void add(String clause, Object value) {
            if (value != null) {
                clauses.add(clause);
                parameters.add(Jdbc.parameter(value));
            }
        }

        private void addAny(String clause, List<String> values) {
            if (!values.isEmpty()) {
                clauses.add(clause);
                parameters.add(values.toArray(String[]::new));
            }
        }

        String where() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        /** Binds the parameters; returns the index of the next one. */
        int bind(PreparedStatement ps) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof String[] values) {
                    ps.setArray(index++, ps.getConnection().createArrayOf("varchar", values));
                } else {
                    ps.setObject(index++, parameter);
                }
            }
            return index;
        }
    }

    private Optional<Order> withLines(Connection connection, List<OrderHeader> headers) throws SQLException {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        OrderHeader header = headers.get(0);
        return Optional.of(new Order(header,
                findLines(connection, List.of(header.orderId())).getOrDefault(header.orderId(), List.of())));
    }

    private static Map<UUID, List<OrderLine>> findLines(Connection connection, List<UUID> orderIds)
            throws SQLException {
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        try (PreparedStatement ps = connection.prepareStatement(FIND_LINES)) {
            ps.setArray(1, connection.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(mapLine(rs));
                }
            }
        }
        return lines;
    }

    private static List<OrderHeader> readHeaders(PreparedStatement ps) throws SQLException {
        List<OrderHeader> headers = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                headers.add(mapHeader(rs));
            }
        }
        return headers;
    }

    private static void bindOrder(PreparedStatement ps, OrderHeader order) throws SQLException {
        ps.setObject(1, order.orderId());
        ps.setObject(2, order.eventId());
        ps.setString(3, order.type().name());
        ps.setString(4, order.channel().name());
        ps.setString(5, order.source());
        ps.setString(6, order.externalId());
        ps.setString(7, order.locationId());
        Jdbc.setText(ps, 8, order.region());
        Jdbc.setInstant(ps, 9, order.occurredAt());
        Jdbc.setInstant(ps, 10, order.recordedAt());
        ps.setString(11, order.currency());
        ps.setBigDecimal(12, order.total());
        ps.setInt(13, order.itemCount());
        Jdbc.setText(ps, 14, order.customerRef());
        Jdbc.setText(ps, 15, order.returnOf());
    }

    private static void bindLine(PreparedStatement ps, UUID orderId, OrderLine line) throws SQLException {
        ps.setObject(1, orderId);
        ps.setInt(2, line.lineNo());
        ps.setString(3, line.productId());
        Jdbc.setText(ps, 4, line.sku());
        Jdbc.setText(ps, 5, line.name());
        Jdbc.setText(ps, 6, line.category());
        ps.setInt(7, line.quantity());
        ps.setBigDecimal(8, line.unitPrice());
        ps.setBigDecimal(9, line.lineTotal());
    }

    private static OrderHeader mapHeader(ResultSet rs) throws SQLException {
        return new OrderHeader(
                rs.getObject("order_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                OrderType.valueOf(rs.getString("type")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("source"),
                rs.getString("external_id"),
                rs.getString("location_id"),
                rs.getString("region"),
                Jdbc.getInstant(rs, "occurred_at"),
                Jdbc.getInstant(rs, "recorded_at"),
                rs.getString("currency"),
                rs.getBigDecimal("total"),
                rs.getInt("item_count"),
                rs.getString("customer_ref"),
                rs.getString("return_of"));
    }

    private static OrderLine mapLine(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getInt("line_no"), rs.getString("product_id"), rs.getString("sku"),
                rs.getString("name"), rs.getString("category"), rs.getInt("quantity"),
                rs.getBigDecimal("unit_price"), rs.getBigDecimal("line_total"));
    }
}
