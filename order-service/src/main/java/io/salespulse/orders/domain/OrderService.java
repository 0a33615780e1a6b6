package io.salespulse.orders.domain;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.orders.data.LocationRepository;
import io.salespulse.orders.data.OrderRepository;
import io.salespulse.orders.data.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Records sale events as orders (idempotently) and answers order queries. */
@ApplicationScoped
public class OrderService {
    private final OrderRepository orders;
    private final ProductRepository products;
    private final LocationRepository locations;

    public OrderService(OrderRepository orders, ProductRepository products, LocationRepository locations) {
        this.orders = orders;
        this.products = products;
        this.locations = locations;
    }

    /**
     * Records a batch of valid sale events in one transaction: resolves them against the catalog, inserts the new
     * orders with their lines (events already recorded are left alone) and reads every recorded order back, so
     * the caller can publish the stored state after the commit, identical on every redelivery.
     *
     * @return one outcome per event, in the order of {@code events}
     */
    @Transactional
    @WithSpan("OrderService.record")
    public List<RecordOutcome> record(List<SaleEvent> events, Instant recordedAt) {
        ReferenceData catalog = referenceDataFor(events);
        RecordOutcome[] outcomes = new RecordOutcome[events.size()];
        List<Order> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Result<Order> order = OrderFactory.toOrder(events.get(i), catalog, recordedAt);
            if (order instanceof Result.Rejected<Order> rejected) {
                outcomes[i] = new RecordOutcome.Rejected(rejected.rejection());
            } else if (order instanceof Result.Ok<Order> ok) {
                candidates.add(ok.value());
                candidateIndexes.add(i);
            }
        }
        boolean[] inserted = orders.insertAll(candidates);
        Map<UUID, Order> stored = orders.findByEventIds(candidates.stream().map(o -> o.header().eventId()).toList());
        for (int c = 0; c < candidates.size(); c++) {
            OrderHeader candidate = candidates.get(c).header();
            Order order = stored.get(candidate.eventId());
            if (order == null) {
                // A new event id for an order the source already sent: the first recording stands.
                order = orders.findByExternalId(candidate.channel(), candidate.source(), candidate.externalId(),
                        candidate.type()).orElseThrow(() -> new IllegalStateException(
                        "Order of event " + candidate.eventId() + " neither inserted nor found"));
            }
            outcomes[candidateIndexes.get(c)] = new RecordOutcome.Recorded(order, inserted[c]);
        }
        return List.of(outcomes);
    }

    @WithSpan("OrderService.search")
    public OrderPage search(OrderCriteria criteria) {
        List<OrderHeader> items = orders.search(criteria);
        // The count is only needed when the page does not tell it (a full page, or an empty page past the end).
        long total = items.size() < criteria.size() && (!items.isEmpty() || criteria.page() == 0)
                ? criteria.offset() + items.size()
                : orders.count(criteria);
        return new OrderPage(items, criteria.page(), criteria.size(), total);
    }

    /** Every channel and source pair with recorded orders, by channel then source. */
    @WithSpan("OrderService.sources")
    public List<OrderSource> sources() {
        return orders.sources();
    }

    public Optional<Order> find(UUID orderId) {
        return orders.findById(orderId);
    }

    /**
     * The sale a return names ({@code returnOf}: the sale's eventId, or its externalId within {@code source}, the
     * returning source) and what of it can still come back; empty when no such sale is recorded.
     */
    @WithSpan("OrderService.returnable")
    public Optional<Returnable> returnable(String returnOf, String source) {
        Optional<Order> sale = Optional.empty();
        UUID eventId = uuidOrNull(returnOf);
        if (eventId != null) {
            sale = orders.findSaleByEventId(eventId);
        }
        if (sale.isEmpty() && source != null) {
            sale = orders.findSaleBySourceId(source, returnOf);
        }
        return sale.map(found -> Returnable.of(found, orders.returnedUnits(found.header())));
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ReferenceData referenceDataFor(List<SaleEvent> events) {
        Set<String> productIds = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        Set<String> locationIds = new HashSet<>();
        for (SaleEvent event : events) {
            locationIds.add(event.locationId());
            for (SaleEvent.Line line : event.lines()) {
                addIfPresent(productIds, line.productId());
                addIfPresent(skus, line.sku());
                addIfPresent(gtins, line.gtin());
            }
        }
        return new ReferenceData(products.findForLines(productIds, skus, gtins), locations.findAll(locationIds));
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
