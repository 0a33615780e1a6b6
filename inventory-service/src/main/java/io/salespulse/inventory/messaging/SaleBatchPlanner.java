package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.data.StockRepository;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a poll batch of sales.events.v1 records into stock movements and dead letters, resolving every product
 * reference and location of the batch in two queries. A record that is not a usable event, or whose location is
 * unknown, becomes a dead letter. Lines naming an unknown product are dead-lettered with the record while its
 * other lines are applied: movements are idempotent per (eventId, line), so replaying the dead letter once the
 * product exists applies exactly the missing lines.
 * <p>
 * A RETURN whose {@code returnOf} is the eventId of a sale inventory has seen (before or earlier in the batch)
 * restocks where that sale was made, like {@code POST /inventory/returns}; lines with {@code condition: DAMAGED} go
 * to the quarantine location instead, with a note saying where they were sold. A {@code returnOf} inventory does not
 * know restocks at the return event's location, as before.
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
    private final StockRepository stock;
    private final String quarantine;

    public SaleBatchPlanner(ObjectMapper json, ProductRepository products, LocationRepository locations,
                            StockRepository stock, InventoryConfig config) {
        this.parser = new SaleEventParser(json);
        this.products = products;
        this.locations = locations;
        this.stock = stock;
        this.quarantine = config.quarantineLocation();
    }

    public BatchPlan plan(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Parsed> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        Set<String> locationIds = new HashSet<>();
        Set<UUID> returnedSales = new HashSet<>();
        Map<UUID, String> saleLocations = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            SaleEventParser.Result result = parser.parse(record.value());
            parsed.add(new Parsed(record, result));
            if (result instanceof SaleEventParser.Parsed p) {
                locationIds.add(p.event().locationId());
                if (p.event().type() == SaleEvent.Type.SALE) {
                    saleLocations.put(p.event().eventId(), p.event().locationId());
                } else {
                    StockMovement.saleEventId(p.event().returnOf()).ifPresent(returnedSales::add);
                }
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
        // sales of this batch count as seen only when their location is known (otherwise they are dead letters)
        saleLocations.values().retainAll(knownLocations);
        stock.saleLocations(returnedSales).forEach(saleLocations::putIfAbsent);

        List<RecordPlan> plans = new ArrayList<>();
        for (Parsed entry : parsed) {
            if (entry.result() instanceof SaleEventParser.Parsed p) {
                plans.add(plan(entry.record(), p.event(), refs, knownLocations, saleLocations));
            } else if (entry.result() instanceof SaleEventParser.Invalid invalid) {
                plans.add(new RecordPlan(List.of(), deadLetter(entry.record(), invalid.reason())));
            }
        }
        return new BatchPlan(plans);
    }

    private RecordPlan plan(ConsumerRecord<String, byte[]> record, SaleEvent event, ProductRepository.References refs,
                            Set<String> knownLocations, Map<UUID, String> saleLocations) {
        if (!knownLocations.contains(event.locationId())) {
            return new RecordPlan(List.of(), deadLetter(record, "Unknown location " + event.locationId()));
        }
        boolean sale = event.type() == SaleEvent.Type.SALE;
        String soldAt = sale ? null
                : StockMovement.saleEventId(event.returnOf()).map(saleLocations::get).orElse(null);
        String restockAt = soldAt != null ? soldAt : event.locationId();
        List<StockMovement> movements = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < event.lines().size(); i++) {
            SaleEvent.Line line = event.lines().get(i);
            String productId = resolve(line, refs);
            if (productId == null) {
                unknown.add("line " + (i + 1) + " (" + line.describe() + ")");
                continue;
            }
            if (sale) {
                movements.add(StockMovement.of(event.eventId(), i + 1, new LevelKey(productId, event.locationId()),
                        -line.quantity(), MovementCause.SALE, event.occurredAt(), null, null));
            } else {
                movements.add(returned(event, i + 1, productId, line, restockAt));
            }
        }
        DeadLetter deadLetter = unknown.isEmpty() ? null : deadLetter(record, "Unknown product in "
                + String.join(", ", unknown) + (movements.isEmpty() ? "" : "; the other lines were applied"));
        return new RecordPlan(movements, deadLetter);
    }

    /** A RETURN line: damaged goods to quarantine, intact ones to {@code restockAt} (where sold, if known). */
    private StockMovement returned(SaleEvent event, int lineNo, String productId, SaleEvent.Line line,
                                   String restockAt) {
        String note = null;
        if (line.damaged()) {
            note = "Damaged; sold at " + restockAt;
        } else if (!restockAt.equals(event.locationId())) {
            note = "Returned at " + event.locationId() + "; restocked where sold";
        }
        return StockMovement.of(event.eventId(), lineNo,
                new LevelKey(productId, line.damaged() ? quarantine : restockAt), line.quantity(),
                MovementCause.RETURN, event.occurredAt(), null, note).withReturnOf(event.returnOf());
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
