package io.salespulse.devices.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.devices.config.DevicesConfig;
import io.salespulse.devices.data.CatalogCache;
import io.salespulse.devices.data.CycleCountRepository;
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

/**
 * Tag reads: decode SGTIN-96, deduplicate per (reader, EPC) within the window, count other encodings, feed a running
 * cycle count, and report EXIT-zone reads (one EXIT_READ observation per batch that has any) so that inventory can
 * tell sold units from possible shrinkage.
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
    /** Running counts and their distinct tags, in PostgreSQL: they survive a restart and serve every instance. */
    private final CycleCountRepository counts;

    public RfidService(DevicesConfig config, CatalogCache catalog, DeviceEventProducer producer,
                       MeterRegistry registry, CycleCountRepository counts) {
        this.dedup = new RfidDeduplicator(config.rfid().dedupWindow(), config.rfid().dedupMaxEntries());
        this.counts = counts;
        this.catalog = catalog;
        this.producer = producer;
        this.registry = registry;
        this.readsCounter = registry.counter("salespulse.devices.rfid.reads");
        this.duplicatesCounter = registry.counter("salespulse.devices.rfid.duplicates");
        this.exitCounter = registry.counter("salespulse.devices.rfid.exit.reads");
        registry.gauge("salespulse.devices.rfid.dedup.entries", dedup, RfidDeduplicator::size);
    }

    /** {@code exitObservationId}: the EXIT_READ published for this batch, null when it had no new exit reads. */
    public record ReadsOutcome(int received, int observations, int duplicates, int invalid, int exitReads,
                               int skipped, Map<String, Integer> unsupported, boolean cycleCountRunning,
                               UUID exitObservationId) {
    }

    public ReadsOutcome ingest(Device device, ReaderPayloadParser.Parsed parsed) {
        CycleCount count = counts.running(device.deviceId()).orElse(null);
        List<Sgtin> counted = count == null ? List.of() : new ArrayList<>();
        int observations = 0;
        int duplicates = 0;
        int invalid = 0;
        var exits = new ExitTally();
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
                counted.add(tag);
            }
            if (Antenna.EXIT.equals(device.zoneOf(read.antenna()))) {
                exits.add(tag, read);
            }
        }
        if (count != null) {
            // before answering: a batch the reader saw accepted is in the count, whatever happens next
            counts.addTags(count.countId(), counted);
        }
        UUID exitObservationId = exits.isEmpty() ? null : publishExits(device, exits);
        readsCounter.increment(parsed.reads().size());
        duplicatesCounter.increment(duplicates);
        exitCounter.increment(exits.units());
        unsupported.forEach((scheme, n) ->
                registry.counter("salespulse.devices.rfid.unsupported", "scheme", scheme).increment(n));
        return new ReadsOutcome(parsed.reads().size(), observations, duplicates, invalid, exits.units(),
                parsed.skipped(), unsupported, count != null, exitObservationId);
    }

    /**
     * Publishes the batch's exit reads as one EXIT_READ observation and answers only after the broker's ack. If Kafka
     * refuses or is slow, the exit reads are forgotten by the dedup window before the device gets its 503, so the
     * retried batch reports them again instead of dropping them as duplicates.
     */
    private UUID publishExits(Device device, ExitTally exits) {
        var counts = new ArrayList<Observation.Count>();
        for (ExitTally.Line line : exits.lines()) {
            CatalogProduct p = catalog.byGtin14(line.gtin14());
            counts.add(new Observation.Count(line.gtin14(), p == null ? null : p.productId(), line.units(),
                    line.firstSeenAt().toString()));
        }
        var observation = new Observation(exits.observationId(device.deviceId()), device.deviceId(),
                device.locationId(), Observation.EXIT_READ, Antenna.EXIT, exits.firstReadAt().toString(),
                exits.lastReadAt().toString(), List.copyOf(counts));
        try {
            producer.publish(observation);
        } catch (RuntimeException e) {
            for (TagRead read : exits.reads()) {
                dedup.forget(device.deviceId(), read.epcHex().toUpperCase(), read.timestamp().toEpochMilli());
            }
            throw e;
        }
        // products, a place and counts: never a person
        Log.debugf("EXIT_READ %s: %d unit(s) of %d GTIN(s) at %s", observation.observationId(), exits.units(),
                counts.size(), device.locationId());
        return observation.observationId();
    }

    /** Starts a count (idempotent: a running count is returned as it is). */
    public CycleCount start(Device device, String zone) {
        return counts.start(device.deviceId(), zone);
    }

    /**
     * Ends the running count and publishes it as ONE observation (after the broker's ack), its observationId the
     * count's id: a stop retried after a crash between the ack and the clean-up publishes the same observation.
     */
    public Observation stop(Device device) {
        CycleCount count = counts.running(device.deviceId())
                .orElseThrow(() -> new ProblemException(409, "No cycle count running", "start a cycle count first"));
        var lines = new ArrayList<Observation.Count>();
        new TreeMap<>(counts.countsByGtin(count.countId())).forEach((gtin, n) -> {
            CatalogProduct p = catalog.byGtin14(gtin);
            lines.add(new Observation.Count(gtin, p == null ? null : p.productId(), n, null));
        });
        var observation = new Observation(count.countId(), device.deviceId(), device.locationId(),
                Observation.CYCLE_COUNT, count.zone(), count.startedAt().toString(),
                Instant.now().toString(), List.copyOf(lines));
        producer.publish(observation);
        // ended only after the ack: a failed publish leaves the count running so the stop can be retried
        counts.end(count.countId());
        return observation;
    }
}
