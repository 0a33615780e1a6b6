package io.salespulse.devices.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.devices.domain.CatalogProduct;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BasketRepository {
    private static final String OPEN = """
            INSERT INTO baskets (device_id, basket_id, event_id) VALUES (?, ?, ?)
            ON CONFLICT (device_id, basket_id) DO NOTHING""";
    private static final String FIND = """
            SELECT event_id, status, opened_at, checked_out_at FROM baskets WHERE device_id = ? AND basket_id = ?""";
    private static final String ADD_LINE = """
            INSERT INTO basket_lines (device_id, basket_id, gtin, product_id, sku, unit_price, currency, quantity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id, basket_id, gtin) DO UPDATE SET quantity = basket_lines.quantity + EXCLUDED.quantity""";
    private static final String LINES = """
            SELECT gtin, product_id, sku, unit_price, currency, quantity FROM basket_lines
            WHERE device_id = ? AND basket_id = ? ORDER BY gtin""";
    private static final String CHECK_OUT = """
            UPDATE baskets SET status = 'CHECKED_OUT', checked_out_at = ?
            WHERE device_id = ? AND basket_id = ? AND status = 'OPEN'""";

    public record Basket(UUID eventId, boolean checkedOut, Instant openedAt, Instant checkedOutAt) {
    }

    public record Line(String gtin, String productId, String sku, BigDecimal unitPrice, String currency, int quantity) {
    }

    private final AgroalDataSource dataSource;

    public BasketRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the basket if new and adds the lines (quantities accumulate per GTIN) in one JDBC batch. */
    public void addLines(String deviceId, String basketId, List<Line> lines) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(OPEN)) {
                ps.setString(1, deviceId);
                ps.setString(2, basketId);
                ps.setObject(3, UUID.randomUUID());
                ps.executeUpdate();
            }
            if (lines.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(ADD_LINE)) {
                for (Line l : lines) {
                    ps.setString(1, deviceId);
                    ps.setString(2, basketId);
                    ps.setString(3, l.gtin());
                    ps.setString(4, l.productId());
                    ps.setString(5, l.sku());
                    ps.setBigDecimal(6, l.unitPrice());
                    ps.setString(7, l.currency());
                    ps.setInt(8, l.quantity());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataException("add basket lines", e);
        }
    }

    public Optional<Basket> find(String deviceId, String basketId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, deviceId);
            ps.setString(2, basketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var out = rs.getTimestamp("checked_out_at");
                return Optional.of(new Basket(rs.getObject("event_id", UUID.class),
                        "CHECKED_OUT".equals(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                        out == null ? null : out.toInstant()));
            }
        } catch (SQLException e) {
            throw new DataException("find basket", e);
        }
    }

    public List<Line> lines(String deviceId, String basketId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LINES)) {
            ps.setString(1, deviceId);
            ps.setString(2, basketId);
            try (ResultSet rs = ps.executeQuery()) {
                var out = new ArrayList<Line>();
                while (rs.next()) {
                    out.add(new Line(rs.getString("gtin"), rs.getString("product_id"), rs.getString("sku"),
                            rs.getBigDecimal("unit_price"), rs.getString("currency"), rs.getInt("quantity")));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new DataException("basket lines", e);
        }
    }

    public void markCheckedOut(String deviceId, String basketId, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHECK_OUT)) {
            ps.setTimestamp(1, java.sql.Timestamp.from(at));
            ps.setString(2, deviceId);
            ps.setString(3, basketId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataException("check out basket", e);
        }
    }

    /** Helper for callers building lines from the catalog. */
    public static Line line(CatalogProduct p, int quantity) {
        return new Line(p.gtin14(), p.productId(), p.sku(), p.unitPrice(), p.currency(), quantity);
    }
}
