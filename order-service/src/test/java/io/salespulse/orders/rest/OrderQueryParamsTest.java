package io.salespulse.orders.rest;

import io.salespulse.orders.domain.Channel;
import io.salespulse.orders.domain.OrderCriteria;
import io.salespulse.orders.domain.OrderSort;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderQueryParamsTest {

    @Test
    void defaultsToNewestFirstFiftyPerPage() {
        OrderCriteria criteria = parse(null, null, null, null, null, null);

        assertThat(criteria.sort()).isEqualTo(OrderSort.DEFAULT);
        assertThat(criteria.page()).isZero();
        assertThat(criteria.size()).isEqualTo(50);
    }

    @Test
    void readsFiltersAndADescendingSort() {
        OrderCriteria criteria = parse("2025-03-01T00:00:00Z", "2025-03-02T00:00:00+01:00", "WEB", "-total", "2", "500");

        assertThat(criteria.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(criteria.to()).isEqualTo(Instant.parse("2025-03-01T23:00:00Z"));
        assertThat(criteria.channel()).isEqualTo(Channel.WEB);
        assertThat(criteria.sort()).isEqualTo(new OrderSort(OrderSort.Field.TOTAL, true));
        assertThat(criteria.offset()).isEqualTo(1000);
    }

    @Test
    void namesEveryInvalidParameter() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> parse("yesterday", null, "FAX", "password", "-1", "501"));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("from", "channel", "sort", "page", "size");
    }

    private static OrderCriteria parse(String from, String to, String channel, String sort, String page, String size) {
        return OrderQueryParams.parse(from, to, channel, null, null, null, null, null, sort, page, size);
    }
}
