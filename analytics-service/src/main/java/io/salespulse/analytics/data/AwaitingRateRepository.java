package io.salespulse.analytics.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salespulse.analytics.domain.AwaitingRate;
import io.salespulse.analytics.domain.RecordedOrder;
import io.salespulse.analytics.domain.Rollups;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** analytics.orders_awaiting_rate: orders kept out of every figure until an exchange rate covers their day. */
@ApplicationScoped
public class AwaitingRateRepository {
    static final String INSERT = """
            INSERT INTO orders_awaiting_rate (order_id, currency, business_day, occurred_at, payload)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::date[], ?::timestamptz[], ?::jsonb[])
             ORDER BY 1
            ON CONFLICT (order_id) DO NOTHING
            """;
    /* SKIP LOCKED: two replicas draining at once take different orders instead of waiting for each other. */
    static final String LOCK_COVERED = """
            SELECT payload FROM orders_awaiting_rate
             WHERE currency = ? AND business_day >= ?
             ORDER BY occurred_at, order_id
             LIMIT ?
               FOR UPDATE SKIP LOCKED
            """;
    static final String DELETE = "DELETE FROM orders_awaiting_rate WHERE order_id = ANY (?::uuid[])";
    static final String SUMMARY = """
            SELECT currency, count(*) AS orders, min(occurred_at) AS oldest
              FROM orders_awaiting_rate GROUP BY currency ORDER BY currency
            """;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AwaitingRateRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Keeps {@code orders} (in their own currencies) until a rate covers them; ones kept already are skipped. */
    public void park(List<RecordedOrder> orders, ZoneId zone) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, SqlArrays.text(c, orders, RecordedOrder::orderId));
            ps.setArray(2, SqlArrays.text(c, orders, RecordedOrder::currency));
            ps.setArray(3, SqlArrays.text(c, orders, o -> Rollups.businessDay(o.occurredAt(), zone)));
            ps.setArray(4, SqlArrays.text(c, orders, RecordedOrder::occurredAt));
            ps.setArray(5, SqlArrays.text(c, orders, this::toJson));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Keeping " + orders.size() + " orders for an exchange rate failed", e);
        }
    }

    /**
     * Locks (for the calling transaction) and returns up to {@code limit} waiting orders of {@code currency} from
     * business day {@code from} on, oldest first.
     */
    public List<RecordedOrder> lockCovered(String currency, LocalDate from, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_COVERED)) {
            ps.setString(1, currency);
            ps.setObject(2, from);
            ps.setInt(3, limit);
            List<RecordedOrder> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(json.readValue(rs.getString("payload"), RecordedOrder.class));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new DataAccessException("Reading orders waiting for an exchange rate failed", e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An order waiting for an exchange rate is unreadable", e);
        }
    }

    public void delete(Collection<UUID> orderIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setArray(1, SqlArrays.text(c, List.copyOf(orderIds), id -> id));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Removing converted orders from the waiting list failed", e);
        }
    }

    /** Per currency: how many orders wait and the oldest event time among them. */
    public List<AwaitingRate> summary() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUMMARY);
             ResultSet rs = ps.executeQuery()) {
            List<AwaitingRate> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new AwaitingRate(rs.getString("currency"), rs.getLong("orders"),
                        rs.getObject("oldest", OffsetDateTime.class).toInstant()));
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException("Reading orders waiting for an exchange rate failed", e);
        }
    }

    private String toJson(RecordedOrder order) {
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
