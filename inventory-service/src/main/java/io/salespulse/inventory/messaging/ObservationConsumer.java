package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.salespulse.inventory.ReconciliationService;
import io.salespulse.inventory.ShrinkageService;
import io.salespulse.inventory.config.InventoryConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reconciles RFID cycle counts from devices.observations.v1 with the books and stores exit reads for shrinkage
 * matching, one record per transaction (the connector commits the offset after this method returns, i.e. after it).
 * Idempotent on the observationId.
 * Transient database errors are retried; a record that is not an observation, names an unknown location or fails
 * otherwise goes to the dead-letter topic with the reason, so it never blocks the partition.
 */
@ApplicationScoped
public class ObservationConsumer {
    private final ObservationParser parser;
    private final ReconciliationService reconciliations;
    private final ShrinkageService shrinkage;
    private final TransientRetry retry;
    private volatile boolean stopping;

    public ObservationConsumer(ObjectMapper json, ReconciliationService reconciliations, ShrinkageService shrinkage,
                               InventoryConfig config) {
        this.parser = new ObservationParser(json);
        this.reconciliations = reconciliations;
        this.shrinkage = shrinkage;
        this.retry = new TransientRetry(config.retry(), () -> stopping, "observation");
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.OBSERVATIONS_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        ObservationParser.Result result = parser.parse(record.value());
        if (result instanceof ObservationParser.Invalid invalid) {
            deadLetter(record, invalid.reason());
            return;
        }
        Observation observation = ((ObservationParser.Parsed) result).observation();
        try {
            ReconciliationService.Outcome outcome = retry.run(() ->
                    observation.kind() == Observation.Kind.EXIT_READ
                            ? shrinkage.record(observation) : reconciliations.record(observation));
            switch (outcome) {
                case UNKNOWN_LOCATION -> deadLetter(record, "Unknown location " + observation.locationId());
                case RECORDED -> Log.infof("%s %s at %s (%d counts) recorded", observation.kind(),
                        observation.observationId(), observation.locationId(), observation.counts().size());
                case DUPLICATE, IGNORED -> Log.debugf("Observation %s: %s", observation.observationId(), outcome);
            }
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            Log.errorf(e, "Observation record %s-%d@%d cannot be reconciled; dead-lettering it", record.topic(),
                    record.partition(), record.offset());
            deadLetter(record, "Processing failed: " + e.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        retry.run(() -> {
            reconciliations.deadLetter(SaleBatchPlanner.deadLetter(record, reason));
            return null;
        });
    }
}
