package io.salespulse.ingest.domain.pos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented columns of a POS export and where the header row puts them. Names are matched without case, spaces,
 * underscores or hyphens, so {@code receipt_id}, {@code Receipt ID} and {@code receiptId} are the same column. Unknown
 * columns are ignored. The product is one {@code sku_or_gtin} column, or {@code sku} and/or {@code gtin} columns.
 */
record PosColumns(int store, int receipt, int timestamp, int skuOrGtin, int sku, int gtin, int quantity, int unitPrice,
                  int paymentType, int currency, int count) {
    static final String DOCUMENTED = "store, receipt_id, timestamp, sku_or_gtin (or sku and/or gtin), quantity, "
            + "unit_price, payment_type, optional currency";
    private static final Map<String, String> ALIASES = aliases();

    static PosColumns of(List<String> header) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = ALIASES.get(normalise(header.get(i)));
            if (name != null && found.put(name, i) != null) {
                throw new PosFileException("the header names column " + name + " twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("store", "receipt_id", "timestamp", "quantity", "unit_price", "payment_type")) {
            if (!found.containsKey(required)) {
                missing.add(required);
            }
        }
        boolean product = found.containsKey("sku_or_gtin") || found.containsKey("sku") || found.containsKey("gtin");
        if (!product) {
            missing.add("sku_or_gtin");
        }
        if (!missing.isEmpty()) {
            throw new PosFileException("the header row lacks column(s) " + String.join(", ", missing)
                    + "; a POS export has the columns " + DOCUMENTED);
        }
        return new PosColumns(found.get("store"), found.get("receipt_id"), found.get("timestamp"),
                found.getOrDefault("sku_or_gtin", -1), found.getOrDefault("sku", -1), found.getOrDefault("gtin", -1),
                found.get("quantity"), found.get("unit_price"), found.get("payment_type"),
                found.getOrDefault("currency", -1), header.size());
    }

    private static String normalise(String name) {
        String text = name == null ? "" : name.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String alias : List.of("store", "storeid", "location", "locationid")) {
            aliases.put(alias, "store");
        }
        for (String alias : List.of("receiptid", "receipt", "receiptno", "receiptnumber")) {
            aliases.put(alias, "receipt_id");
        }
        for (String alias : List.of("timestamp", "datetime", "time", "soldat")) {
            aliases.put(alias, "timestamp");
        }
        aliases.put("skuorgtin", "sku_or_gtin");
        aliases.put("sku", "sku");
        aliases.put("gtin", "gtin");
        aliases.put("quantity", "quantity");
        aliases.put("qty", "quantity");
        aliases.put("unitprice", "unit_price");
        aliases.put("price", "unit_price");
        aliases.put("paymenttype", "payment_type");
        aliases.put("payment", "payment_type");
        aliases.put("currency", "currency");
        return aliases;
    }
}
