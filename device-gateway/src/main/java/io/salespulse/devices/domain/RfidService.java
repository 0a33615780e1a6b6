package io.salespulse.devices.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.devices.config.DevicesConfig;
import io.salespulse.devices.data.CatalogCache;
import io.salespulse.devices.messaging.DeviceEventProducer;
import io.salespulse.devices.messaging.Observation;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag reads: decode SGTIN-96, deduplicate per (reader, EPC) within the window, count other encodings, feed a running
 * cycle count, and flag EXIT-zone reads as possible shrinkage.
 */
@ApplicationScoped
public class RfidService {
    private final RfidDeduplicator dedup;
    private final CatalogCache catalog;
    private final DeviceEventProducer producer;
    private final MeterRegistry registry;
    private final Counter readsCounter;
    private final Counter duplicatesCounter;
    private final Counter exitCounter;
    /** Running counts by device. In memory: a restart ends a running count (the reader starts it again). */
    private final Map<String, CycleCount> running = new ConcurrentHashMap<>();

    public RfidService(DevicesConfig config, CatalogCache catalog, DeviceEventProducer producer,
                       MeterRegistry registry) {
        this.dedup = new RfidDeduplicator(config.rfid().dedupWindow(), config.rfid().dedupMaxEntries());
        this.catalog = catalog;
        this.producer = producer;
        this.registry = registry;
        this.readsCounter = registry.counter("salespulse.devices.rfid.reads");
        this.duplicatesCounter = registry.counter("salespulse.devices.rfid.duplicates");
        this.exitCounter = registry.counter("salespulse.devices.rfid.exit.reads");
        registry.gauge("salespulse.devices.rfid.dedup.entries", dedup, RfidDeduplicator::size);
    }

    public record ReadsOutcome(int received, int observations, int duplicates, int invalid, int exitReads,
                               int skipped, Map<String, Integer> unsupported, boolean cycleCountRunning) {
    }

    public ReadsOutcome ingest(Device device, ReaderPayloadParser.Parsed parsed) {
        CycleCount count = running.get(device.deviceId());
        int observations = 0;
        int duplicates = 0;
        int invalid = 0;
        int exit = 0;
        Map<String, Integer> unsupported = new TreeMap<>();
        for (TagRead read : parsed.reads()) {
            String hex = read.epcHex();
            if (!Sgtin96Decoder.isHex96(hex)) {
                int header = Sgtin96Decoder.header(hex);
                if (header >= 0 && header != Sgtin96Decoder.SGTIN_96_HEADER && hex.length() % 2 == 0) {
                    unsupported.merge(Sgtin96Decoder.scheme(header), 1, Integer::sum);
                } else {
                    invalid++;
                }
                continue;
            }
            int header = Sgtin96Decoder.header(hex);
            if (header != Sgtin96Decoder.SGTIN_96_HEADER) {
                unsupported.merge(Sgtin96Decoder.scheme(header), 1, Integer::sum);
                continue;
            }
            if (!dedup.firstSeen(device.deviceId(), hex.toUpperCase(), read.timestamp().toEpochMilli())) {
                duplicates++;
                continue;
            }
            Sgtin tag;
            try {
                tag = Sgtin96Decoder.decode(hex);
            } catch (EpcDecodeException e) {
                invalid++;
                continue;
            }
            observations++;
            if (count != null) {
                count.add(tag);
            }
            if (Antenna.EXIT.equals(device.zoneOf(read.antenna()))) {
                exit++;
                // a product and a place, never a person
                Log.infof("possible shrinkage: GTIN %s serial %d read at EXIT of %s by %s", tag.gtin14(),
                        tag.serial(), device.locationId(), device.deviceId());
            }
        }
        readsCounter.increment(parsed.reads().size());
        duplicatesCounter.increment(duplicates);
        exitCounter.increment(exit);
        unsupported.forEach((scheme, n) ->
                registry.counter("salespulse.devices.rfid.unsupported", "scheme", scheme).increment(n));
        return new ReadsOutcome(parsed.reads().size(), observations, duplicates, invalid, exit, parsed.skipped(),
                unsupported, count != null);
    }

    public CycleCount start(Device device, String zone) {
        return running.computeIfAbsent(device.deviceId(), id -> new CycleCount(id, zone, Instant.now()));
    }

    /** Ends the running count and publishes it as ONE observation (after the broker's ack). */
    public Observation stop(Device device) {
        CycleCount count = running.get(device.deviceId());
        if (count == null) {
            throw new ProblemException(409, "No cycle count running", "start a cycle count first");
        }
        var counts = new ArrayList<Observation.Count>();
        new TreeMap<>(count.countsByGtin()).forEach((gtin, n) -> {
            CatalogProduct p = catalog.byGtin14(gtin);
            counts.add(new Observation.Count(gtin, p == null ? null : p.productId(), n));
        });
        var observation = new Observation(UUID.randomUUID(), device.deviceId(), device.locationId(), "CYCLE_COUNT",
                count.zone(), count.startedAt().toString(), Instant.now().toString(), List.copyOf(counts));
        producer.publish(observation);
        // removed only after the ack: a failed publish leaves the count running so the stop can be retried
        running.remove(device.deviceId(), count);
        return observation;
    }
}
