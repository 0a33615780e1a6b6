package io.salespulse.ingest.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.List;

/**
 * Tells the two order forms apart by the presence of {@code lines}. Mixing them is refused rather than half-read:
 * a top-level "price" next to "lines" would otherwise be silently ignored.
 */
public class OrderRequestDeserializer extends StdDeserializer<OrderRequest> {
    private static final List<String> SIMPLE_ONLY = List.of("productId", "quantity", "price", "date");

    public OrderRequestDeserializer() {
        super(OrderRequest.class);
    }

    @Override
    public OrderRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode body = parser.readValueAsTree();
        if (body == null || !body.isObject()) {
            return context.reportInputMismatch(OrderRequest.class, "An order is a JSON object");
        }
        if (!body.has("lines")) {
            return context.readTreeAsValue(body, SimpleOrderRequest.class);
        }
        for (String field : SIMPLE_ONLY) {
            if (body.has(field)) {
                return context.reportInputMismatch(OrderRequest.class,
                        "Send either the simple form (productId, quantity, price, date) or the full form (lines), "
                                + "not both: \"%s\" does not belong next to \"lines\"", field);
            }
        }
        return context.readTreeAsValue(body, FullOrderRequest.class);
    }
}
