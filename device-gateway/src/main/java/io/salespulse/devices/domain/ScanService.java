package io.salespulse.devices.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.devices.data.BasketRepository;
import io.salespulse.devices.data.CatalogCache;
import io.salespulse.devices.messaging.DeviceEventProducer;
import io.salespulse.devices.messaging.SaleEvent;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Barcode scans into POS baskets, and a basket into one SCANNER sale event at checkout. */
@ApplicationScoped
public class ScanService {
    private final BasketRepository baskets;
    private final CatalogCache catalog;
    private final DeviceEventProducer producer;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter checkouts;

    public ScanService(BasketRepository baskets, CatalogCache catalog, DeviceEventProducer producer,
                       MeterRegistry registry) {
        this.baskets = baskets;
        this.catalog = catalog;
        this.producer = producer;
        this.accepted = registry.counter("salespulse.devices.scans", "result", "accepted");
        this.rejected = registry.counter("salespulse.devices.scans", "result", "rejected");
        this.checkouts = registry.counter("salespulse.devices.checkouts");
    }

    public record Scan(String code, Integer quantity) {
    }

    /** Per-scan outcome, in request order: never a silent drop. */
    public record ScanResult(int index, String code, String status, String gtin, String productId, String error) {
    }

    public record Checkout(String basketId, String eventId, String externalId, boolean alreadyPublished, int lines) {
    }

    public record Outcome(String basketId, List<ScanResult> results, Checkout checkout) {
    }

    public Outcome scan(Device device, String basketId, List<Scan> scans, boolean checkout) {
        var existing = baskets.find(device.deviceId(), basketId);
        if (!scans.isEmpty() && existing.isPresent() && existing.get().checkedOut()) {
            throw new ProblemException(409, "Basket checked out", "basket " + basketId + " is already checked out");
        }
        var results = new ArrayList<ScanResult>(scans.size());
        Map<String, BasketRepository.Line> lines = new LinkedHashMap<>();
        for (int i = 0; i < scans.size(); i++) {
            Scan s = scans.get(i);
            int qty = s.quantity() == null ? 1 : s.quantity();
            if (!Gs1.isValidGtin(s.code())) {
                results.add(new ScanResult(i, s.code(), "INVALID", null, null, Gs1.explain(s.code())));
                continue;
            }
            String gtin14 = Gs1.toGtin14(s.code());
            CatalogProduct p = catalog.byGtin14(gtin14);
            if (p == null || !p.active()) {
                results.add(new ScanResult(i, s.code(), "UNKNOWN", gtin14, null,
                        "no active product with this GTIN in the catalog"));
                continue;
            }
            lines.merge(gtin14, BasketRepository.line(p, qty), (a, b) -> new BasketRepository.Line(a.gtin(),
                    a.productId(), a.sku(), a.unitPrice(), a.currency(), a.quantity() + b.quantity()));
            results.add(new ScanResult(i, s.code(), "ACCEPTED", gtin14, p.productId(), null));
        }
        accepted.increment(results.stream().filter(r -> r.error() == null).count());
        rejected.increment(results.stream().filter(r -> r.error() != null).count());
        baskets.addLines(device.deviceId(), basketId, new ArrayList<>(lines.values()));
        return new Outcome(basketId, results, checkout ? checkout(device, basketId) : null);
    }

    /**
     * Publishes the basket as ONE sale event and only then marks it checked out: a crash in between re-publishes the
     * same eventId (fixed when the basket opened), which consumers deduplicate.
     */
    public Checkout checkout(Device device, String basketId) {
        var basket = baskets.find(device.deviceId(), basketId)
                .orElseThrow(() -> new ProblemException(404, "Basket not found", "no basket " + basketId));
        String externalId = device.deviceId() + ":" + basketId;
        var lines = baskets.lines(device.deviceId(), basketId);
        if (basket.checkedOut()) {
            return new Checkout(basketId, basket.eventId().toString(), externalId, true, lines.size());
        }
        if (lines.isEmpty()) {
            throw new ProblemException(422, "Empty basket", "basket " + basketId + " has no accepted scans");
        }
        String currency = lines.get(0).currency();
        if (lines.stream().anyMatch(l -> !l.currency().equals(currency))) {
            throw new ProblemException(422, "Mixed currencies", "basket " + basketId + " mixes currencies");
        }
        Instant now = Instant.now();
        var event = new SaleEvent(basket.eventId(), "SALE", "SCANNER", "device:" + device.deviceId(), externalId,
                device.locationId(), now.toString(), currency, lines.stream()
                .map(l -> new SaleEvent.Line(l.productId(), l.sku(), l.gtin(), l.quantity(),
                        l.unitPrice().setScale(2, RoundingMode.HALF_UP).toPlainString()))
                .toList());
        producer.publish(event);
        baskets.markCheckedOut(device.deviceId(), basketId, now);
        checkouts.increment();
        return new Checkout(basketId, basket.eventId().toString(), externalId, false, lines.size());
    }
}
