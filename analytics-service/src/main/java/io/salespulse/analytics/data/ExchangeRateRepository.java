package io.salespulse.analytics.data;

import io.agroal.api.AgroalDataSource;
import io.salespulse.analytics.domain.ExchangeRate;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** analytics.exchange_rates: the effective-dated rates into the reporting currency. */
@ApplicationScoped
public class ExchangeRateRepository {
    static final String SELECT_ALL = """
            SELECT currency, valid_from, rate, set_by, set_at FROM exchange_rates ORDER BY currency, valid_from
            """;
    static final String SELECT_FOR = """
            SELECT currency, valid_from, rate, set_by, set_at FROM exchange_rates WHERE currency = ANY (?::text[])
            """;
    /* Setting the rate of a day again replaces it; orders already counted keep the rate they were counted at. */
    static final String UPSERT = """
            INSERT INTO exchange_rates (currency, valid_from, rate, set_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (currency, valid_from) DO UPDATE
               SET rate = EXCLUDED.rate, set_by = EXCLUDED.set_by, set_at = now()
            RETURNING currency, valid_from, rate, set_by, set_at
            """;

    private final AgroalDataSource dataSource;

    public ExchangeRateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ExchangeRate> all() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
            return read(ps);
        } catch (SQLException e) {
            throw new DataAccessException("Reading exchange rates failed", e);
        }
    }

    /** Every rate of these currencies. */
    public List<ExchangeRate> of(Collection<String> currencies) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_FOR)) {
            ps.setArray(1, SqlArrays.text(c, List.copyOf(currencies), currency -> currency));
            return read(ps);
        } catch (SQLException e) {
            throw new DataAccessException("Reading exchange rates failed", e);
        }
    }

    public ExchangeRate upsert(String currency, LocalDate validFrom, BigDecimal rate, String setBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, currency);
            ps.setObject(2, validFrom);
            ps.setBigDecimal(3, rate);
            ps.setString(4, setBy);
            return read(ps).get(0);
        } catch (SQLException e) {
            throw new DataAccessException("Storing the exchange rate of " + currency + " failed", e);
        }
    }

    private static List<ExchangeRate> read(PreparedStatement ps) throws SQLException {
        List<ExchangeRate> rates = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rates.add(new ExchangeRate(rs.getString("currency"), rs.getObject("valid_from", LocalDate.class),
                        rs.getBigDecimal("rate").stripTrailingZeros(), rs.getString("set_by"),
                        rs.getObject("set_at", OffsetDateTime.class).toInstant()));
            }
        }
        return rates;
    }
}
