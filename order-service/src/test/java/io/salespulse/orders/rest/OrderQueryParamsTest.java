package io.salespulse.orders.rest;

import io.salespulse.orders.domain.Channel;
import io.salespulse.orders.domain.OrderCriteria;
import io.salespulse.orders.domain.OrderSort;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

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
        assertThat(criteria.channels()).containsExactly(Channel.WEB);
        assertThat(criteria.sources()).isEmpty();
        assertThat(criteria.sort()).isEqualTo(new OrderSort(OrderSort.Field.TOTAL, true));
        assertThat(criteria.offset()).isEqualTo(1000);
    }

    @Test
    void channelsMayRepeatAndTakeACommaList() {
        OrderCriteria criteria = OrderQueryParams.parse(null, null, List.of("WEB, STORE", "API", "WEB", " "), null,
                null, null, null, null, null, null, null, null, null);

        assertThat(criteria.channels()).containsExactlyInAnyOrder(Channel.WEB, Channel.STORE, Channel.API);
    }

    @Test
    void sourcesRepeatAndAreTakenLiterallyCommasIncluded() {
        OrderCriteria criteria = OrderQueryParams.parse(null, null, null,
                List.of("shopify:demo-shop.myshopify.com", " pos,lane-2:ST-001 ", "", "store:ST-001"),
                null, null, null, null, null, null, "source", null, null);

        assertThat(criteria.sources()).containsExactlyInAnyOrder("shopify:demo-shop.myshopify.com",
                "pos,lane-2:ST-001", "store:ST-001");
        assertThat(criteria.sort()).isEqualTo(new OrderSort(OrderSort.Field.SOURCE, false));
    }

    @Test
    void namesTheUnknownChannelsOfAList() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> OrderQueryParams.parse(null,
                null, List.of("WEB,FAX", "telex"), null, null, null, null, null, null, null, null, null, null));

        assertThat(problem.problem().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("channel");
            assertThat(error.message()).contains("unknown: FAX, telex");
        });
    }

    @Test
    void refusesOverlongOrTooManySources() {
        ProblemException tooLong = catchThrowableOfType(ProblemException.class, () -> OrderQueryParams.parse(null,
                null, null, List.of("x".repeat(201)), null, null, null, null, null, null, null, null, null));
        List<String> many = IntStream.rangeClosed(1, 101).mapToObj(i -> "api:client-" + i).toList();
        ProblemException tooMany = catchThrowableOfType(ProblemException.class, () -> OrderQueryParams.parse(null,
                null, null, many, null, null, null, null, null, null, null, null, null));

        assertThat(tooLong.problem().errors()).extracting(Problem.FieldError::field).containsExactly("source");
        assertThat(tooMany.problem().errors()).extracting(Problem.FieldError::message)
                .containsExactly("must not name more than 100 sources");
    }

    @Test
    void namesEveryInvalidParameter() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> parse("yesterday", null, "FAX", "password", "-1", "501"));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("from", "channel", "sort", "page", "size");
    }

    @Test
    void refusesWhatPostgreSqlCouldNotTakeInsteadOfFailingTheQuery() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> OrderQueryParams.parse("+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", null,
                        List.of("store:\u0000"), "ST-\u0000", "P-1\u0007", null, null, "1e1001", "-1000000000000", null,
                        null, null));

        assertThat(problem.problem().errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("from", "to", "source", "locationId", "productId", "minTotal", "maxTotal");
    }

    @Test
    void aCurrencyIsAnIsoCodeInUpperCase() {
        assertThat(OrderQueryParams.parse(null, null, null, null, null, null, null, " USD ", "10", null, null, null,
                null).currency()).isEqualTo("USD");
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> OrderQueryParams.parse(null,
                null, null, null, null, null, null, "usd", null, null, null, null, null));
        assertThat(problem.problem().errors()).extracting(Problem.FieldError::field).containsExactly("currency");
    }

    @Test
    void acceptsTheLimitsThemselves() {
        OrderCriteria criteria = OrderQueryParams.parse("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", null, null,
                null, null, null, null, "-999999999999.99", "999999999999.99", null, null, null);

        assertThat(criteria.maxTotal()).isEqualByComparingTo("999999999999.99");
    }

    private static OrderCriteria parse(String from, String to, String channel, String sort, String page, String size) {
        return OrderQueryParams.parse(from, to, channel == null ? null : List.of(channel), null, null, null, null, null,
                null, null, sort, page, size);
    }
}
