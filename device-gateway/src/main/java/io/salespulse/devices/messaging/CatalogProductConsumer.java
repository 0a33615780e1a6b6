package io.salespulse.devices.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.devices.data.CatalogCache;
import io.salespulse.devices.domain.CatalogProduct;
import io.salespulse.devices.domain.Gs1;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;

/**
 * Keeps {@link CatalogCache} current. Each instance uses its own consumer group from the earliest offset, so it
 * reads the whole compacted topic at start. Nothing is written to the database, so there is no transaction to
 * wait for; what cannot be parsed goes to the dead-letter topic.
 */
@ApplicationScoped
public class CatalogProductConsumer {
    private final CatalogCache cache;
    private final ObjectMapper mapper;
    private final DeadLetterProducer deadLetters;

    public CatalogProductConsumer(CatalogCache cache, ObjectMapper mapper, DeadLetterProducer deadLetters) {
        this.cache = cache;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    private static java.util.Map<String, String> headers(ConsumerRecord<String, String> record) {
        var map = new java.util.LinkedHashMap<String, String>();
        record.headers().forEach(h -> map.put(h.key(),
                h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return map;
    }

    @Incoming("catalog-products")
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                cache.remove(record.key());
            }
            return;
        }
        try {
            JsonNode n = mapper.readTree(record.value());
            String gtin = n.path("gtin").isTextual() ? n.get("gtin").asText() : null;
            if (gtin != null && !Gs1.isValidGtin(gtin)) {
                Log.warnf("product %s has an invalid GTIN; not scannable", n.path("productId").asText());
                gtin = null;
            }
            cache.put(new CatalogProduct(n.get("productId").asText(), n.path("sku").asText(null),
                    gtin == null ? null : Gs1.toGtin14(gtin), new BigDecimal(n.get("unitPrice").asText()),
                    n.get("currency").asText(), n.path("active").asBoolean(true)));
        } catch (Exception e) {
            Log.warnf("unreadable product at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getClass().getSimpleName());
            deadLetters.send(DeadLetter.ofRecord("device-gateway", Topics.CATALOG_PRODUCTS, record.partition(),
                    record.offset(), record.key(), record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    headers(record), "unreadable product: " + e.getClass().getSimpleName()));
        }
    }
}
