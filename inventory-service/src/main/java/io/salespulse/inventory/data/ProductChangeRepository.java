package io.salespulse.inventory.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Product;
import io.salespulse.inventory.domain.ProductChange;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit of product writes (product_changes). */
@ApplicationScoped
public class ProductChangeRepository {
    static final String INSERT = """
            INSERT INTO product_changes (product_id, kind, changed_by, changed_at, old_unit_price, new_unit_price,
                                         old_unit_cost, new_unit_cost, old_product, new_product)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            """;
    static final String COUNT = "SELECT count(*) FROM product_changes WHERE product_id = ?";
    static final String LIST = """
            SELECT change_id, product_id, kind, changed_by, changed_at, old_unit_price, new_unit_price,
                   old_unit_cost, new_unit_cost, old_product, new_product
              FROM product_changes WHERE product_id = ?
             ORDER BY changed_at DESC, change_id DESC LIMIT ? OFFSET ?
            """;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ProductChangeRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** {@code before} is null for a newly created product. */
    public void record(Product before, Product after, String changedBy, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, after.id());
            ps.setString(2, (before == null ? ProductChange.Kind.CREATE : ProductChange.Kind.UPDATE).name());
            ps.setString(3, changedBy);
            ps.setObject(4, Jdbc.timestamp(at));
            ps.setBigDecimal(5, before == null ? null : before.unitPrice());
            ps.setBigDecimal(6, after.unitPrice());
            ps.setBigDecimal(7, before == null ? null : before.unitCost());
            ps.setBigDecimal(8, after.unitCost());
            Jdbc.setNullableText(ps, 9, before == null ? null : write(snapshot(before)));
            ps.setString(10, write(snapshot(after)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("Recording a change of product " + after.id() + " failed", e);
        }
    }

    /** Newest first. */
    public Page<ProductChange> list(String productId, PageRequest page) {
        return Paging.page(dataSource, COUNT, LIST, (c, ps, i) -> {
            ps.setString(i, productId);
            return i + 1;
        }, this::map, page, "product changes");
    }

    /** The product as the API shows it; money as strings with two decimals, so the audit keeps them exact. */
    static Map<String, Object> snapshot(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("sku", p.sku());
        m.put("gtin", p.gtin());
        m.put("name", p.name());
        m.put("categoryId", p.categoryId());
        m.put("unitPrice", p.unitPrice().toPlainString());
        m.put("unitCost", p.unitCost().toPlainString());
        m.put("currency", p.currency());
        m.put("attributes", p.attributes());
        m.put("active", p.active());
        return m;
    }

    private ProductChange map(ResultSet rs) throws SQLException {
        String before = rs.getString("old_product");
        return new ProductChange(rs.getLong("change_id"), rs.getString("product_id"),
                ProductChange.Kind.valueOf(rs.getString("kind")), rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"), rs.getBigDecimal("old_unit_price"),
                rs.getBigDecimal("new_unit_price"), rs.getBigDecimal("old_unit_cost"),
                rs.getBigDecimal("new_unit_cost"), before == null ? null : read(before),
                read(rs.getString("new_product")));
    }

    private String write(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Product is not serialisable", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable product snapshot in the database", e);
        }
    }
}
