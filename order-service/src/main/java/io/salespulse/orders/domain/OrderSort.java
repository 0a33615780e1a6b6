package io.salespulse.orders.domain;

import java.util.Arrays;
import java.util.Optional;

/** A sort of GET /orders: {@code sort=total} ascending, {@code sort=-total} descending. */
public record OrderSort(Field field, boolean descending) {

    public static final OrderSort DEFAULT = new OrderSort(Field.OCCURRED_AT, true);

    /** The sortable columns, by their API name. */
    public enum Field {
        OCCURRED_AT("occurredAt"),
        RECORDED_AT("recordedAt"),
        TOTAL("total"),
        CHANNEL("channel"),
        SOURCE("source"),
        LOCATION_ID("locationId"),
        ITEM_COUNT("itemCount"),
        EXTERNAL_ID("externalId"),
        TYPE("type"),
        REGION("region"),
        CURRENCY("currency"),
        RETURN_OF("returnOf");

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Field> byApiName(String name) {
            return Arrays.stream(values()).filter(field -> field.apiName.equals(name)).findFirst();
        }
    }

    /** Parses {@code occurredAt} / {@code -occurredAt}; empty when the column is not sortable. */
    public static Optional<OrderSort> parse(String text) {
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        return Field.byApiName(name).map(field -> new OrderSort(field, descending));
    }
}
