package io.salespulse.inventory.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.inventory.domain.Page;
import io.salespulse.inventory.domain.PageRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a list query as two statements: the count of the filtered rows and one page of them. */
final class Paging {
    private Paging() {
    }

    /** Binds the filter parameters from {@code index} on and returns the next free index. */
    @FunctionalInterface
    interface Binder {
        int bind(Connection c, PreparedStatement ps, int index) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** {@code selectSql} must end with {@code LIMIT ? OFFSET ?}; both statements take the same filter parameters. */
    static <T> Page<T> page(AgroalDataSource dataSource, String countSql, String selectSql, Binder filters,
                            RowMapper<T> mapper, PageRequest request, String what) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(countSql)) {
                filters.bind(c, ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<T> items = new ArrayList<>();
            if (total > request.offset()) {
                try (PreparedStatement ps = c.prepareStatement(selectSql)) {
                    int next = filters.bind(c, ps, 1);
                    ps.setInt(next, request.size());
                    ps.setLong(next + 1, request.offset());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(mapper.map(rs));
                        }
                    }
                }
            }
            return new Page<>(items, request.page(), request.size(), total);
        } catch (SQLException e) {
            throw DataAccessException.translate("Listing " + what + " failed", e);
        }
    }
}
