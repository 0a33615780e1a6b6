package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The demo retailer (demo-catalog.json): categories, products, stores, web shop and marketplaces. */
record DemoCatalog(JsonNode document, List<Product> products, List<Location> stores, Location fulfilmentCentre,
                   List<String> marketplaceSources, String webShopSource) {

    /** {@code gtin} as in the catalog (GTIN-8/12/13/14 digits). */
    record Product(String id, String sku, String gtin, String name, String categoryId, BigDecimal unitPrice,
                   String kind) {
    }

    record Location(String id, String kind, String region, String timeZone) {
    }

    static DemoCatalog load() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo-catalog.json")) {
            JsonNode doc = Gateway.JSON.readTree(in);
            List<Product> products = new ArrayList<>();
            for (JsonNode p : doc.get("products")) {
                JsonNode attributes = p.get("attributes");
                String kind = attributes.has("temperature") ? attributes.get("temperature").asText()
                        : attributes.path("kind").asText("other");
                products.add(new Product(p.get("id").asText(), p.get("sku").asText(), p.path("gtin").asText(null),
                        p.get("name").asText(),
                        p.get("categoryId").asText(), new BigDecimal(p.get("unitPrice").asText()), kind));
            }
            List<Location> stores = new ArrayList<>();
            Location fulfilment = null;
            for (JsonNode l : doc.get("locations")) {
                Location location = new Location(l.get("id").asText(), l.get("kind").asText(),
                        l.get("region").asText(), l.get("timeZone").asText());
                if ("STORE".equals(location.kind())) {
                    stores.add(location);
                } else {
                    fulfilment = location;
                }
            }
            List<String> marketplaces = new ArrayList<>();
            doc.get("marketplaces").forEach(m -> marketplaces.add(m.get("source").asText()));
            return new DemoCatalog(doc, products, stores, fulfilment, marketplaces,
                    doc.get("webShop").get("source").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("demo-catalog.json unreadable", e);
        }
    }
}
