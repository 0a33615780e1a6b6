package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SourceBreakdownsTest {

    @Test
    void groupsByChannelInTheOrderOfTheChannelBreakdownThenBySourceRevenue() {
        List<Breakdown> byChannel = List.of(breakdown("STORE", "90.00"), breakdown("WEB", "40.00"));
        List<Breakdown> rows = List.of(
                breakdown("WEB|shopify:demo-shop.myshopify.com", "30.00"),
                breakdown("STORE|store:ST-002", "20.00"),
                breakdown("API|api:pos-7", "55.00"),
                breakdown("WEB|woocommerce:shop.example", "10.00"),
                breakdown("STORE|store:ST-001", "70.00"),
                breakdown("STORE|store:ST-003", "20.00"));

        List<SourceBreakdown> grouped = SourceBreakdowns.group(byChannel, rows);

        assertThat(grouped).extracting(SourceBreakdown::channel, SourceBreakdown::source,
                        s -> s.revenue().toPlainString())
                .containsExactly(
                        tuple("STORE", "store:ST-001", "70.00"),
                        tuple("STORE", "store:ST-002", "20.00"),
                        tuple("STORE", "store:ST-003", "20.00"),
                        tuple("WEB", "shopify:demo-shop.myshopify.com", "30.00"),
                        tuple("WEB", "woocommerce:shop.example", "10.00"),
                        // Not in byChannel (cannot happen from one consistent read, but must not be lost).
                        tuple("API", "api:pos-7", "55.00"));
    }

    @Test
    void theSourceIsEverythingAfterTheChannelSeparatorAndKeepsItsFigures() {
        List<SourceBreakdown> grouped = SourceBreakdowns.group(List.of(),
                List.of(new Breakdown("API|api:a|b,c", new BigDecimal("-3.00"), 0, -1)));

        assertThat(grouped).containsExactly(new SourceBreakdown("API", "api:a|b,c", new BigDecimal("-3.00"), 0, -1));
        assertThat(new ChannelSource("API", "api:a|b,c").key()).isEqualTo("API|api:a|b,c");
    }

    private static Breakdown breakdown(String key, String revenue) {
        return new Breakdown(key, new BigDecimal(revenue), 1, 1);
    }
}
