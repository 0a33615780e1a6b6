package io.salespulse.ingest.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells the two order forms apart by the presence of {@code lines}. Mixing them is refused rather than half-read:
 * a top-level "price" next to "lines" would otherwise be silently ignored. So is any field neither form has (at the
 * top or in a line): a misspelt "externalID" would otherwise give every retry a new UUID, a second sale each, and a
 * "currency" sent with the simple form would be recorded as the default one.
 */
public class OrderRequestDeserializer extends StdDeserializer<OrderRequest> {
    private static final Set<String> SIMPLE_FIELDS = fieldsOf(SimpleOrderRequest.class);
    private static final Set<String> FULL_FIELDS = fieldsOf(FullOrderRequest.class);
    private static final Set<String> LINE_FIELDS = fieldsOf(LineRequest.class);

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
            String unknown = unknownField(body, SIMPLE_FIELDS);
            if (unknown != null) {
                return context.reportInputMismatch(OrderRequest.class, "Unknown field \"%s\": the simple form takes "
                        + "productId, quantity, price and date; the full form (lines) takes %s", unknown, FULL_FIELDS);
            }
            return context.readTreeAsValue(body, SimpleOrderRequest.class);
        }
        for (String field : SIMPLE_FIELDS) {
            if (body.has(field)) {
                return context.reportInputMismatch(OrderRequest.class,
                        "Send either the simple form (productId, quantity, price, date) or the full form (lines), "
                                + "not both: \"%s\" does not belong next to \"lines\"", field);
            }
        }
        String unknown = unknownField(body, FULL_FIELDS);
        if (unknown != null) {
            return context.reportInputMismatch(OrderRequest.class, "Unknown field \"%s\": an order takes %s",
                    unknown, FULL_FIELDS);
        }
        JsonNode lines = body.get("lines");
        for (int i = 0; lines.isArray() && i < lines.size(); i++) {
            String unknownInLine = unknownField(lines.get(i), LINE_FIELDS);
            if (unknownInLine != null) {
                return context.reportInputMismatch(OrderRequest.class, "Unknown field \"%s\" in lines[%d]: a line "
                        + "takes %s", unknownInLine, i, LINE_FIELDS);
            }
        }
        return context.readTreeAsValue(body, FullOrderRequest.class);
    }

    /** The first field of {@code node} (when it is an object) that is not in {@code known}, or null. */
    private static String unknownField(JsonNode node, Set<String> known) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static Set<String> fieldsOf(Class<? extends Record> form) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : form.getRecordComponents()) {
            names.add(component.getName());
        }
        return Collections.unmodifiableSet(names);
    }
}
