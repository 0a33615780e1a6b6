package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redaction by allowlist: a copy of a JSON document with only the listed fields. Paths are JSON Pointers
 * ({@code /shipping_address/country_code}) where {@code *} stands for every element of an array
 * ({@code /line_items/*}{@code /sku}); a path keeps everything below it. An allowlist rather than a list of personal
 * fields to delete, because platforms add fields: a new {@code buyer_phone} must not slip into our tables.
 * Array positions are kept (an element with nothing allowed becomes {@code null}), so line numbers stay meaningful.
 */
public final class JsonProjection {
    private final Node root = new Node();

    public JsonProjection(Collection<String> pointers) {
        for (String pointer : pointers) {
            add(pointer);
        }
    }

    public static JsonProjection of(String... pointers) {
        return new JsonProjection(List.of(pointers));
    }

    /** The allowed part of {@code document} (an empty object when nothing is allowed or it is not an object). */
    public ObjectNode apply(JsonNode document) {
        JsonNode kept = project(document, root);
        return kept instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private void add(String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
        }
        Node node = root;
        for (String segment : segments(pointer)) {
            node = node.children.computeIfAbsent(segment, s -> new Node());
        }
        node.all = true;
    }

    /** The unescaped segments of a JSON Pointer (~1 is '/', ~0 is '~'). */
    static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    private static JsonNode project(JsonNode source, Node allowed) {
        if (source == null || source.isMissingNode()) {
            return null;
        }
        if (allowed.all) {
            return source.deepCopy();
        }
        if (source.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            allowed.children.forEach((name, child) -> {
                JsonNode kept = project(source.get(name), child);
                if (kept != null) {
                    out.set(name, kept);
                }
            });
            return out;
        }
        if (source.isArray()) {
            Node every = allowed.children.get("*");
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < source.size(); i++) {
                Node child = allowed.children.getOrDefault(Integer.toString(i), every);
                JsonNode kept = child == null ? null : project(source.get(i), child);
                out.add(kept == null ? NullNode.instance : kept);
            }
            return out;
        }
        // A scalar where the allowlist expects structure: nothing of it is allowed.
        return null;
    }

    private static final class Node {
        private final Map<String, Node> children = new LinkedHashMap<>();
        private boolean all;
    }
}
