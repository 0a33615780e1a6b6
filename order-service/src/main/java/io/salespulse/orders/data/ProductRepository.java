package io.salespulse.orders.data;

import io.salespulse.orders.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** orders.products: the catalog's products as order-service last read them. */
@ApplicationScoped
public class ProductRepository {
    private static final String FIND_FOR_LINES = """
            SELECT product_id, sku, gtin, name, category, unit_price, currency, active, updated_at
            FROM products
            WHERE product_id = ANY (?) OR sku = ANY (?) OR gtin = ANY (?)""";
    /**
     * Frees the sku and gtin of an incoming product from other rows holding them with an older state: inventory
     * keeps them unique, so such a row is stale (its own newer record, with other identifiers, is still on its way
     * through another partition). Without this the upsert would break the unique constraints and stop the catalog.
     */
    private static final String DELETE_STALE_HOLDERS = """
            DELETE FROM products
            WHERE product_id <> ? AND (sku = ? OR gtin = ?) AND updated_at <= ?""";
    /**
     * Upsert that never goes back in time (updated_at guard) and skips a product whose sku or gtin is still held
     * by a newer row: then this record is the stale one, and the product's next record will bring it up to date.
     */
    private static final String UPSERT = """
            INSERT INTO products (product_id, sku, gtin, name, category, unit_price, currency, active, updated_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM products WHERE product_id <> ? AND (sku = ? OR gtin = ?))
            ON CONFLICT (product_id) DO UPDATE SET
                sku = excluded.sku, gtin = excluded.gtin, name = excluded.name, category = excluded.category,
                unit_price = excluded.unit_price, currency = excluded.currency, active = excluded.active,
                updated_at = excluded.updated_at
            WHERE excluded.updated_at >= products.updated_at""";
    private static final String DELETE = "DELETE FROM products WHERE product_id = ?";
    private static final String HELD_BY_OTHER =
            "SELECT 1 FROM products WHERE product_id <> ? AND (sku = ? OR gtin = ?)";

    private final DataSource dataSource;

    public ProductRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The products named by any of these ids, skus or gtins. */
    public List<Product> findForLines(Collection<String> productIds, Collection<String> skus,
                                      Collection<String> gtins) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(FIND_FOR_LINES)) {
            ps.setArray(1, connection.createArrayOf("varchar", productIds.toArray()));
            ps.setArray(2, connection.createArrayOf("varchar", skus.toArray()));
            ps.setArray(3, connection.createArrayOf("varchar", gtins.toArray()));
            List<Product> products = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(map(rs));
                }
            }
            return products;
        } catch (SQLException e) {
            throw new DataAccessException("Reading products", e);
        }
    }

    /**
     * Applies the newest state of these products, in JDBC batches. Rows skipped because their sku or gtin is held
     * by a newer product are returned (for the log).
     */
    public List<String> upsertAll(List<Product> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        // Newest first: when two products of the batch claim one sku, the newer takes it and the older is skipped.
        List<Product> newestFirst = new ArrayList<>(products);
        newestFirst.sort((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stale = connection.prepareStatement(DELETE_STALE_HOLDERS);
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Product product : newestFirst) {
                stale.setString(1, product.productId());
                stale.setString(2, product.sku());
                Jdbc.setText(stale, 3, product.gtin());
                Jdbc.setInstant(stale, 4, product.updatedAt());
                stale.addBatch();
            }
            stale.executeBatch();
            for (Product product : newestFirst) {
                upsert.setString(1, product.productId());
                upsert.setString(2, product.sku());
                Jdbc.setText(upsert, 3, product.gtin());
                upsert.setString(4, product.name());
                Jdbc.setText(upsert, 5, product.category());
                upsert.setBigDecimal(6, product.unitPrice());
                upsert.setString(7, product.currency());
                upsert.setBoolean(8, product.active());
                Jdbc.setInstant(upsert, 9, product.updatedAt());
                upsert.setString(10, product.productId());
                upsert.setString(11, product.sku());
                Jdbc.setText(upsert, 12, product.gtin());
                upsert.addBatch();
            }
            int[] counts = upsert.executeBatch();
            List<String> skipped = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0 && identifiersTakenByOther(connection, newestFirst.get(i))) {
                    skipped.add(newestFirst.get(i).productId());
                }
            }
            return skipped;
        } catch (SQLException e) {
            throw new DataAccessException("Upserting products", e);
        }
    }

    public void deleteAll(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(DELETE)) {
            for (String productId : productIds) {
                ps.setString(1, productId);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("Deleting products", e);
        }
    }

    /** Distinguishes "skipped: sku/gtin held by a newer product" from "not applied: we already hold a newer state". */
    private static boolean identifiersTakenByOther(Connection connection, Product product) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(HELD_BY_OTHER)) {
            ps.setString(1, product.productId());
            ps.setString(2, product.sku());
            Jdbc.setText(ps, 3, product.gtin());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Product map(ResultSet rs) throws SQLException {
        return new Product(rs.getString("product_id"), rs.getString("sku"), rs.getString("gtin"),
                rs.getString("name"), rs.getString("category"), rs.getBigDecimal("unit_price"),
                rs.getString("currency"), rs.getBoolean("active"), Jdbc.getInstant(rs, "updated_at"));
    }
}
