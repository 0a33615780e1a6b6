package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.AlertRule;
import io.salespulse.inventory.domain.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alert rules: default thresholds per product or per category, and the rule that applies to a product. */
@ApplicationScoped
public class AlertRuleRepository {
    static final String COLUMNS = "product_id, category_id, reorder_point, critical_level, target_level, updated_at, "
            + "updated_by";
    static final String UPSERT_PRODUCT = """
            INSERT INTO alert_rules (product_id, reorder_point, critical_level, target_level, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (product_id) WHERE product_id IS NOT NULL DO UPDATE
               SET reorder_point = EXCLUDED.reorder_point, critical_level = EXCLUDED.critical_level,
                   target_level = EXCLUDED.target_level, updated_at = EXCLUDED.updated_at,
                   updated_by = EXCLUDED.updated_by
            RETURNING\s""" + COLUMNS;
    static final String UPSERT_CATEGORY = """
            INSERT INTO alert_rules (category_id, reorder_point, critical_level, target_level, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (category_id) WHERE category_id IS NOT NULL DO UPDATE
               SET reorder_point = EXCLUDED.reorder_point, critical_level = EXCLUDED.critical_level,
                   target_level = EXCLUDED.target_level, updated_at = EXCLUDED.updated_at,
                   updated_by = EXCLUDED.updated_by
            RETURNING\s""" + COLUMNS;
    static final String FIND_ALL = "SELECT " + COLUMNS + " FROM alert_rules "
            + "ORDER BY category_id NULLS LAST, product_id";
    /**
     * The most specific rule of each product: its own (depth 0), else the nearest category up the tree. Products
     * without any rule are absent.
     */
    static final String EFFECTIVE = """
            WITH RECURSIVE ancestry (product_id, category_id, depth) AS (
                SELECT product_id, category_id, 1 FROM products WHERE product_id = ANY (?)
                UNION ALL
                SELECT a.product_id, c.parent_id, a.depth + 1
                  FROM ancestry a JOIN categories c ON c.category_id = a.category_id
                 WHERE c.parent_id IS NOT NULL
            ), candidates AS (
                SELECT r.product_id, 0 AS depth, r.reorder_point, r.critical_level, r.target_level
                  FROM alert_rules r WHERE r.product_id = ANY (?)
                UNION ALL
                SELECT a.product_id, a.depth, r.reorder_point, r.critical_level, r.target_level
                  FROM ancestry a JOIN alert_rules r ON r.category_id = a.category_id
            )
            SELECT DISTINCT ON (product_id) product_id, reorder_point, critical_level, target_level
              FROM candidates
             ORDER BY product_id, depth
            """;

    private final AgroalDataSource dataSource;

    public AlertRuleRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AlertRule upsertForProduct(String productId, Thresholds t, Instant now, String user) {
        return upsert(UPSERT_PRODUCT, productId, t, now, user);
    }

    public AlertRule upsertForCategory(String categoryId, Thresholds t, Instant now, String user) {
        return upsert(UPSERT_CATEGORY, categoryId, t, now, user);
    }

    public List<AlertRule> findAll() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_ALL);
             ResultSet rs = ps.executeQuery()) {
            List<AlertRule> rules = new ArrayList<>();
            while (rs.next()) {
                rules.add(map(rs));
            }
            return rules;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading alert rules failed", e);
        }
    }

    /** Thresholds from the most specific rule of each product that has one. */
    public Map<String, Thresholds> effective(Collection<String> productIds) {
        Map<String, Thresholds> rules = new HashMap<>();
        if (productIds.isEmpty()) {
            return rules;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EFFECTIVE)) {
            ps.setArray(1, Jdbc.textArray(c, productIds));
            ps.setArray(2, Jdbc.textArray(c, productIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.put(rs.getString("product_id"), new Thresholds(rs.getInt("reorder_point"),
                            rs.getInt("critical_level"), rs.getInt("target_level")));
                }
            }
            return rules;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading effective alert rules failed", e);
        }
    }

    private AlertRule upsert(String sql, String id, Thresholds t, Instant now, String user) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setInt(2, t.reorderPoint());
            ps.setInt(3, t.criticalLevel());
            ps.setInt(4, t.targetLevel());
            ps.setObject(5, Jdbc.timestamp(now));
            Jdbc.setNullableText(ps, 6, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Saving the alert rule of " + id + " failed", e);
        }
    }

    private static AlertRule map(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getString("product_id"), rs.getString("category_id"),
                new Thresholds(rs.getInt("reorder_point"), rs.getInt("critical_level"), rs.getInt("target_level")),
                Jdbc.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
