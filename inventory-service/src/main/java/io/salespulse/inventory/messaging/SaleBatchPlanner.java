package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.domain.Gtin;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.MovementCause;
import io.salespulse.inventory.domain.StockMovement;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a poll batch of sales.events.v1 records into stock movements and dead letters, resolving every product
 * reference and location of the batch in two queries. A record that is not a usable event, or whose location is
 * unknown, becomes a dead letter. Lines naming an unknown product are dead-lettered with the record while its
 * other lines are applied: movements are idempotent per (eventId, line), so replaying the dead letter once the
 * product exists applies exactly the missing lines.
 */
@ApplicationScoped
public class SaleBatchPlanner {
    static final String SERVICE = "inventory-service";
    /** Record headers worth keeping in a dead letter (no credentials travel in Kafka headers here anyway). */
    private static final Set<String> KEPT_HEADERS = Set.of(CloudEvents.ID, CloudEvents.TYPE, CloudEvents.SOURCE,
            CloudEvents.TIME, CloudEvents.SPEC_VERSION, CloudEvents.CONTENT_TYPE, "traceparent", "tracestate");

    /** What one record turns into: its movements, and a dead letter when (part of) it cannot be applied. */
    public record RecordPlan(List<StockMovement> movements, DeadLetter deadLetter) {
    }

    /** The plans of a batch, in record order. */
    public record BatchPlan(List<RecordPlan> records) {
        public List<StockMovement> movements() {
            return records.stream().flatMap(r -> r.movements().stream()).toList();
        }

        public List<DeadLetter> deadLetters() {
            return records.stream().map(RecordPlan::deadLetter).filter(Objects::nonNull).toList();
        }
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, SaleEventParser.Result result) {
    }

    private final SaleEventParser parser;
    private final ProductRepository products;
    private final LocationRepository locations;

    public SaleBatchPlanner(ObjectMapper json, ProductRepository products, LocationRepository locations) {
        this.parser = new SaleEventParser(json);
        this.products = products;
        this.locations = locations;
    }

    public BatchPlan plan(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Parsed> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        Set<String> locationIds = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            SaleEventParser.Result result = parser.parse(record.value());
            parsed.add(new Parsed(record, result));
            if (result instanceof SaleEventParser.Parsed p) {
                locationIds.add(p.event().locationId());
                for (SaleEvent.Line line : p.event().lines()) {
                    if (line.productId() != null) {
                        ids.add(line.productId());
                    }
                    if (line.sku() != null) {
                        skus.add(line.sku());
                    }
                    if (line.gtin() != null && Gtin.isValid(line.gtin())) {
                        gtins.add(Gtin.normalize(line.gtin()));
                    }
                }
            }
        }
        ProductRepository.References refs = products.resolve(ids, skus, gtins);
        Set<String> knownLocations = locations.existing(locationIds);

        List<RecordPlan> plans = new ArrayList<>();
        for (Parsed entry : parsed) {
            if (entry.result() instanceof SaleEventParser.Parsed p) {
                plans.add(plan(entry.record(), p.event(), refs, knownLocations));
            } else if (entry.result() instanceof SaleEventParser.Invalid invalid) {
                plans.add(new RecordPlan(List.of(), deadLetter(entry.record(), invalid.reason())));
            }
        }
        return new BatchPlan(plans);
    }

    private static RecordPlan plan(ConsumerRecord<String, byte[]> record, SaleEvent event,
                                   ProductRepository.References refs, Set<String> knownLocations) {
        if (!knownLocations.contains(event.locationId())) {
            return new RecordPlan(List.of(), deadLetter(record, "Unknown location " + event.locationId()));
        }
        boolean sale = event.type() == SaleEvent.Type.SALE;
        List<StockMovement> movements = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < event.lines().size(); i++) {
            SaleEvent.Line line = event.lines().get(i);
            String productId = resolve(line, refs);
            if (productId == null) {
                unknown.add("line " + (i + 1) + " (" + line.describe() + ")");
                continue;
            }
            StockMovement movement = StockMovement.of(event.eventId(), i + 1,
                    new LevelKey(productId, event.locationId()), sale ? -line.quantity() : line.quantity(),
                    sale ? MovementCause.SALE : MovementCause.RETURN, event.occurredAt(), null, null);
            movements.add(sale ? movement : movement.withReturnOf(event.returnOf()));
        }
        DeadLetter deadLetter = unknown.isEmpty() ? null : deadLetter(record, "Unknown product in "
                + String.join(", ", unknown) + (movements.isEmpty() ? "" : "; the other lines were applied"));
        return new RecordPlan(movements, deadLetter);
    }

    /** By productId, else SKU, else GTIN (compared as 14 digits); null when none of them is known. */
    private static String resolve(SaleEvent.Line line, ProductRepository.References refs) {
        if (line.productId() != null && refs.byId().containsKey(line.productId())) {
            return line.productId();
        }
        if (line.sku() != null && refs.bySku().containsKey(line.sku())) {
            return refs.bySku().get(line.sku());
        }
        if (line.gtin() != null && Gtin.isValid(line.gtin())) {
            return refs.byGtin14().get(Gtin.normalize(line.gtin()));
        }
        return null;
    }

    static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (KEPT_HEADERS.contains(header.key())) {
                headers.put(header.key(), header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return DeadLetter.ofRecord(SERVICE, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), headers, reason);
    }
}
