package io.salespulse.recommendations.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.recommendations.domain.PriceSuggestion;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code recommendations.price_suggestions}: suggestions handed out and which of them were applied. */
@ApplicationScoped
public class PriceSuggestionRepository {

    private static final String INSERT = """
            INSERT INTO recommendations.price_suggestions (suggestion_id, created_at, source, product_id, location_id,
                current_price, suggested_price, change_pct, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String FIND = """
            SELECT suggestion_id, product_id, location_id, current_price, suggested_price, applied_at, applied_by
            FROM recommendations.price_suggestions WHERE suggestion_id = ?""";
    /** Claims the suggestion: of two concurrent applies only one updates the row. */
    private static final String CLAIM = """
            UPDATE recommendations.price_suggestions SET applied_at = ?, applied_by = ?
            WHERE suggestion_id = ? AND applied_at IS NULL""";
    private static final String UNCLAIM = """
            UPDATE recommendations.price_suggestions SET applied_at = NULL, applied_by = NULL WHERE suggestion_id = ?""";

    /** Applied suggestions, newest first (partial index {@code price_suggestions_applied_at_idx}). */
    private static final String APPLIED = """
            SELECT suggestion_id, product_id, location_id, current_price, suggested_price, applied_at, applied_by
            FROM recommendations.price_suggestions WHERE applied_at IS NOT NULL
            ORDER BY applied_at DESC, suggestion_id LIMIT ? OFFSET ?""";
    private static final String COUNT_APPLIED = """
            SELECT count(*) FROM recommendations.price_suggestions WHERE applied_at IS NOT NULL""";

    public record Stored(UUID id, String productId, String locationId, BigDecimal currentPrice,
                         BigDecimal suggestedPrice, Instant appliedAt, String appliedBy) {
    }

    private final AgroalDataSource dataSource;

    PriceSuggestionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One JDBC batch per answer; returns the ids in the order of {@code pricing}. */
    public List<UUID> saveAll(List<PriceSuggestion> pricing, String source, Instant now) {
        var ids = new ArrayList<UUID>();
        if (pricing.isEmpty()) {
            return ids;
        }
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (var p : pricing) {
                var id = UUID.randomUUID();
                ids.add(id);
                ps.setObject(1, id);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, source);
                ps.setString(4, p.productId());
                ps.setString(5, p.locationId());
                ps.setBigDecimal(6, p.currentPrice());
                ps.setBigDecimal(7, p.suggestedPrice());
                ps.setBigDecimal(8, p.changePct());
                ps.setString(9, p.reason());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store price suggestions", e);
        }
    }

    public Optional<Stored> find(UUID id) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(FIND)) {
            ps.setObject(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a price suggestion", e);
        }
    }

    public boolean claim(UUID id, String user, Instant now) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(CLAIM)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, user);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a price suggestion", e);
        }
    }

    public void unclaim(UUID id) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(UNCLAIM)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release a price suggestion", e);
        }
    }

    /** One page of applied suggestions, newest first, and how many there are in all. */
    public AppliedPage applied(int page, int size) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(APPLIED);
             var count = c.prepareStatement(COUNT_APPLIED)) {
            ps.setInt(1, size);
            ps.setLong(2, (long) page * size);
            var items = new ArrayList<Stored>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            try (var rs = count.executeQuery()) {
                rs.next();
                return new AppliedPage(items, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list applied price suggestions", e);
        }
    }

    public record AppliedPage(List<Stored> items, long totalItems) {
    }

    private static Stored map(ResultSet rs) throws SQLException {
        var applied = rs.getTimestamp("applied_at");
        return new Stored(rs.getObject("suggestion_id", UUID.class), rs.getString("product_id"),
                rs.getString("location_id"), rs.getBigDecimal("current_price"), rs.getBigDecimal("suggested_price"),
                applied == null ? null : applied.toInstant(), rs.getString("applied_by"));
    }
}
