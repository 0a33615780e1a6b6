package io.salespulse.inventory.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Gtin;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Products. */
@ApplicationScoped
public class ProductRepository {
    static final String COLUMNS = "p.product_id, p.sku, p.gtin, p.name, p.category_id, p.unit_price, p.unit_cost, "
            + "p.currency, p.attributes, p.active, p.created_at, p.updated_at";
    static final String INSERT = """
            INSERT INTO products AS p (product_id, sku, gtin, gtin14, name, category_id, unit_price, unit_cost,
                                       currency, attributes, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            RETURNING\s""" + COLUMNS;
    static final String UPDATE = """
            UPDATE products AS p
               SET sku = ?, gtin = ?, gtin14 = ?, name = ?, category_id = ?, unit_price = ?, unit_cost = ?,
                   currency = ?, attributes = ?::jsonb, active = ?, updated_at = ?
             WHERE p.product_id = ?
            RETURNING\s""" + COLUMNS;
    static final String FIND = "SELECT " + COLUMNS + " FROM products p WHERE p.product_id = ?";
    /** The row as it is before an update, locked so that the audited "old" state is the one replaced. */
    static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    /** Products of some categories, share-locked like {@link #FIND_ALL_LOCKED} (republishing after a move). */
    static final String FIND_IN_CATEGORIES_LOCKED = "SELECT " + COLUMNS + " FROM products p "
            + "WHERE p.category_id = ANY (?) ORDER BY p.product_id FOR SHARE";
    static final String FIND_BY_SKU = "SELECT " + COLUMNS + " FROM products p WHERE p.sku = ?";
    static final String FIND_BY_GTIN14 = "SELECT " + COLUMNS + " FROM products p WHERE p.gtin14 = ?";
    /**
     * Every product, share-locked: a concurrent update waits until the republishing transaction has written its
     * outbox rows, so its own (newer) event is queued after them and the compacted topic ends with the newest state.
     */
    static final String FIND_ALL_LOCKED = "SELECT " + COLUMNS + " FROM products p ORDER BY p.product_id FOR SHARE";
    static final String IDS_IN_CATEGORIES = "SELECT product_id FROM products WHERE category_id = ANY (?) "
            + "ORDER BY product_id";
    /** Everything a sale line may name a product by, for a whole poll batch in one round trip. */
    static final String RESOLVE = """
            SELECT product_id, sku, gtin14 FROM products
             WHERE product_id = ANY (?) OR sku = ANY (?) OR gtin14 = ANY (?)
            """;
    /** Filters of GET /products: category (with its sub-categories), active, q (name or SKU contains). */
    static final String FILTERED = """
            WITH RECURSIVE sub (category_id) AS (
                SELECT category_id FROM categories WHERE category_id = ?
                UNION ALL
                SELECT c.category_id FROM categories c JOIN sub ON c.parent_id = sub.category_id
            )
            SELECT %s FROM products p
             WHERE (?::text IS NULL OR p.category_id IN (SELECT category_id FROM sub))
               AND (?::boolean IS NULL OR p.active = ?)
               AND (?::text IS NULL OR p.name ILIKE ? ESCAPE '\\' OR p.sku ILIKE ? ESCAPE '\\')
            """;
    static final String COUNT = FILTERED.formatted("count(*)");
    static final String LIST = FILTERED.formatted(COLUMNS);
    /** ORDER BY clauses of the sort keys GET /products offers; product_id makes the order total. */
    static final Map<String, String> SORTS = Map.of(
            "name", " ORDER BY p.name, p.product_id LIMIT ? OFFSET ?",
            "-name", " ORDER BY p.name DESC, p.product_id DESC LIMIT ? OFFSET ?",
            "sku", " ORDER BY p.sku LIMIT ? OFFSET ?",
            "-sku", " ORDER BY p.sku DESC LIMIT ? OFFSET ?",
            "unitPrice", " ORDER BY p.unit_price, p.product_id LIMIT ? OFFSET ?",
            "-unitPrice", " ORDER BY p.unit_price DESC, p.product_id DESC LIMIT ? OFFSET ?",
            "updatedAt", " ORDER BY p.updated_at, p.product_id LIMIT ? OFFSET ?",
            "-updatedAt", " ORDER BY p.updated_at DESC, p.product_id DESC LIMIT ? OFFSET ?");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Filters of a product list; null means "any". */
    public record Filter(String q, String categoryId, Boolean active) {
    }

    /** How a sale line's product references resolve: by id, by SKU and by 14-digit GTIN. */
    public record References(Map<String, String> byId, Map<String, String> bySku, Map<String, String> byGtin14) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ProductRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public static Set<String> sortKeys() {
        return SORTS.keySet();
    }

    public Product insert(Product p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, p.id());
            int next = bindFields(ps, 2, p);
            ps.setObject(next, Jdbc.timestamp(p.createdAt()));
            ps.setObject(next + 1, Jdbc.timestamp(p.updatedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Inserting product " + p.id() + " failed", e);
        }
    }

    /** Replaces the fields of an existing product; empty when there is none with that id. */
    public Optional<Product> update(Product p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            int next = bindFields(ps, 1, p);
            ps.setObject(next, Jdbc.timestamp(p.updatedAt()));
            ps.setString(next + 1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Updating product " + p.id() + " failed", e);
        }
    }

    public Optional<Product> find(String id) {
        return findOne(FIND, id);
    }

    public Optional<Product> findForUpdate(String id) {
        return findOne(FIND_FOR_UPDATE, id);
    }

    /** The products of these categories, locked against updates until the current transaction ends. */
    public List<Product> findInCategoriesLocked(Collection<String> categoryIds) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(FIND_IN_CATEGORIES_LOCKED)) {
            ps.setArray(1, Jdbc.textArray(c, categoryIds));
            List<Product> products = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(map(rs));
                }
            }
            return products;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the products of categories failed", e);
        }
    }

    public Optional<Product> findBySku(String sku) {
        return findOne(FIND_BY_SKU, sku);
    }

    public Optional<Product> findByGtin(String gtin) {
        return findOne(FIND_BY_GTIN14, Gtin.normalize(gtin));
    }

    /** Every product, locked against updates until the current transaction ends (for republishing). */
    public List<Product> findAllLocked() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_ALL_LOCKED);
             ResultSet rs = ps.executeQuery()) {
            List<Product> products = new ArrayList<>();
            while (rs.next()) {
                products.add(map(rs));
            }
            return products;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading all products failed", e);
        }
    }

    public List<String> idsInCategories(Collection<String> categoryIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(IDS_IN_CATEGORIES)) {
            ps.setArray(1, Jdbc.textArray(c, categoryIds));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading the products of categories failed", e);
        }
    }

    /** Product ids for the given ids, SKUs and (14-digit) GTINs; unknown references are simply absent. */
    public References resolve(Collection<String> ids, Collection<String> skus, Collection<String> gtin14s) {
        References refs = new References(new HashMap<>(), new HashMap<>(),
                new HashMap<>());
        if (ids.isEmpty() && skus.isEmpty() && gtin14s.isEmpty()) {
            return refs;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESOLVE)) {
            ps.setArray(1, Jdbc.textArray(c, ids));
            ps.setArray(2, Jdbc.textArray(c, skus));
            ps.setArray(3, Jdbc.textArray(c, gtin14s));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("product_id");
                    refs.byId().put(id, id);
                    refs.bySku().put(rs.getString("sku"), id);
                    String gtin14 = rs.getString("gtin14");
                    if (gtin14 != null) {
                        refs.byGtin14().put(gtin14, id);
                    }
                }
            }
            return refs;
        } catch (SQLException e) {
            throw DataAccessException.translate("Resolving product references failed", e);
        }
    }

    public Page<Product> list(Filter filter, String sort, PageRequest page) {
        String order = SORTS.get(sort);
        if (order == null) {
            throw new IllegalArgumentException("Unknown sort " + sort);
        }
        String pattern = filter.q() == null ? null : Jdbc.containsPattern(filter.q());
        return Paging.page(dataSource, COUNT, LIST + order, (c, ps, i) -> {
            Jdbc.setNullableText(ps, i, filter.categoryId());
            Jdbc.setNullableText(ps, i + 1, filter.categoryId());
            Jdbc.setNullableBoolean(ps, i + 2, filter.active());
            Jdbc.setNullableBoolean(ps, i + 3, filter.active());
            Jdbc.setNullableText(ps, i + 4, pattern);
            Jdbc.setNullableText(ps, i + 5, pattern);
            Jdbc.setNullableText(ps, i + 6, pattern);
            return i + 7;
        }, this::map, page, "products");
    }

    private Optional<Product> findOne(String sql, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("Reading a product failed", e);
        }
    }

    /** sku, gtin, gtin14, name, category, price, cost, currency, attributes, active; returns the next index. */
    private int bindFields(PreparedStatement ps, int i, Product p) throws SQLException {
        ps.setString(i, p.sku());
        Jdbc.setNullableText(ps, i + 1, p.gtin());
        Jdbc.setNullableText(ps, i + 2, p.gtin() == null ? null : Gtin.normalize(p.gtin()));
        ps.setString(i + 3, p.name());
        ps.setString(i + 4, p.categoryId());
        ps.setBigDecimal(i + 5, p.unitPrice());
        ps.setBigDecimal(i + 6, p.unitCost());
        ps.setString(i + 7, p.currency());
        ps.setString(i + 8, write(p.attributes()));
        ps.setBoolean(i + 9, p.active());
        return i + 10;
    }

    private Product map(ResultSet rs) throws SQLException {
        return new Product(rs.getString("product_id"), rs.getString("sku"), rs.getString("gtin"),
                rs.getString("name"), rs.getString("category_id"), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("unit_cost"), rs.getString("currency"), read(rs.getString("attributes")),
                rs.getBoolean("active"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private String write(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes == null ? Map.of() : attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Attributes are not serialisable", e);
        }
    }

    private Map<String, Object> read(String attributes) {
        try {
            return json.readValue(attributes, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable attributes in the database", e);
        }
    }
}
