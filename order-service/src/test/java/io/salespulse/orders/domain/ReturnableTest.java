package io.salespulse.orders.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnableTest {
    private static final Instant AT = Instant.parse("2026-03-14T09:00:00Z");

    @Test
    void addsUpAProductsLinesAndSubtractsWhatCameBackNeverBelowZero() {
        Order sale = new Order(new OrderHeader(UUID.randomUUID(), UUID.randomUUID(), OrderType.SALE, Channel.STORE,
                "store:ST-001", "R-1", "ST-001", "DACH", AT, AT, "EUR", new BigDecimal("12.00"), 6, null, null),
                List.of(line(0, "P-1", "SKU-1", 2), line(1, "P-2", "SKU-2", 1), line(2, "P-1", "SKU-1B", 3)));

        Returnable returnable = Returnable.of(sale, Map.of("P-1", 4, "P-2", 2));

        assertThat(returnable.lines()).containsExactly(
                new Returnable.Line("P-1", "SKU-1", 5, 4), new Returnable.Line("P-2", "SKU-2", 1, 2));
        assertThat(returnable.lines()).extracting(Returnable.Line::returnable).containsExactly(1, 0);
    }

    private static OrderLine line(int no, String productId, String sku, int quantity) {
        return new OrderLine(no, productId, sku, "Name " + productId, "Drinks", quantity, new BigDecimal("2.00"),
                new BigDecimal("2.00").multiply(BigDecimal.valueOf(quantity)));
    }
}
