package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Category;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The category tree. */
@ApplicationScoped
public class CategoryRepository {
    static final String COLUMNS = "category_id, parent_id, name, created_at, updated_at";
    static final String INSERT = "INSERT INTO categories (category_id, parent_id, name, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS;
    static final String FIND = "SELECT " + COLUMNS + " FROM categories WHERE category_id = ?";
    static final String UPDATE = "UPDATE categories SET parent_id = ?, name = ?, updated_at = ? WHERE category_id = ? "
            + "RETURNING " + COLUMNS;
    /**
     * Serialises moves (transaction-scoped advisory lock): two concurrent moves (A under B, B under A) could each
     * pass the descendant check against the other's old tree and together make a cycle.
     */
    static final String LOCK_TREE = "SELECT pg_advisory_xact_lock(hashtext('inventory.categories.tree'))";
    static final String FIND_ALL = "SELECT " + COLUMNS + " FROM categories ORDER BY name, category_id";
    /** Names from the root down to the category (product.categoryPath). */
    static final String PATH = """
            WITH RECURSIVE up (category_id, parent_id, name, depth) AS (
                SELECT category_id, parent_id, name, 0 FROM categories WHERE category_id = ?
                UNION ALL
                SELECT c.category_id, c.parent_id, c.name, up.depth + 1
                  FROM categories c JOIN up ON c.category_id = up.parent_id
            )
            SELECT name FROM up ORDER BY depth DESC
            """;
    /** The category and all its descendants. */
    static final String SUBTREE = """
            WITH RECURSIVE sub (category_id) AS (
                SELECT category_id FROM categories WHERE category_id = ?
                UNION ALL
                SELECT c.category_id FROM categories c JOIN sub ON c.parent_id = sub.category_id
            )
            SELECT category_id FROM sub
            """;

    private final AgroalDataSource dataSource;

    public CategoryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Category insert(String id, String parentId, String name, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, id);
            Jdbc.setNullableText(ps, 2, parentId);
            ps.setString(3, name);
            ps.setObject(4, Jdbc.timestamp(now));
            ps.setObject(5, Jdbc.timestamp(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Inserting category " + id + " failed", e);
        }
    }

    /** Renames and re-parents a category; empty when there is none with that id. */
    public Optional<Category> update(String id, String parentId, String name, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            Jdbc.setNullableText(ps, 1, parentId);
            ps.setString(2, name);
            ps.setObject(3, Jdbc.timestamp(now));
            ps.setString(4, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Updating category " + id + " failed", e);
        }
    }

    /** Held until the current transaction ends: one tree change at a time. */
    public void lockTree() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_TREE);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            throw DataAccessException.translate("Locking the category tree failed", e);
        }
    }

    public Optional<Category> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading category " + id + " failed", e);
        }
    }

    public List<Category> findAll() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_ALL);
             ResultSet rs = ps.executeQuery()) {
            List<Category> categories = new ArrayList<>();
            while (rs.next()) {
                categories.add(map(rs));
            }
            return categories;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading categories failed", e);
        }
    }

    public List<String> path(String id) {
        return strings(PATH, id, "Reading the path of category " + id + " failed");
    }

    public List<String> subtree(String id) {
        return strings(SUBTREE, id, "Reading the sub-categories of " + id + " failed");
    }

    private List<String> strings(String sql, String id, String failure) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw DataAccessException.translate(failure, e);
        }
    }

    private static Category map(ResultSet rs) throws SQLException {
        return new Category(rs.getString("category_id"), rs.getString("parent_id"), rs.getString("name"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
