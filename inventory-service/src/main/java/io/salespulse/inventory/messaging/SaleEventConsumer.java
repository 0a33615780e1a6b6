package io.salespulse.inventory.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.salespulse.inventory.StockService;
import io.salespulse.inventory.config.InventoryConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.function.Supplier;

/**
 * Moves stock for every sale and return of sales.events.v1. One poll batch is one database transaction (movements,
 * levels, velocities, alerts, outbox); the connector commits the offsets after this method returns, i.e. after
 * that transaction, so a crash redelivers the batch and the idempotent movements make the replay change nothing.
 * Transient database errors (deadlocks, lost connections) are retried with backoff, holding the partition: stock
 * cannot be applied without the database. A batch failing for any other reason is applied record by record, and a
 * record failing on its own goes to the dead-letter topic, so one bad record never blocks a partition.
 */
@ApplicationScoped
public class SaleEventConsumer {
    private final SaleBatchPlanner planner;
    private final StockService stock;
    private final TransientRetry retry;
    private final Timer batchTimer;
    private volatile boolean stopping;

    public SaleEventConsumer(SaleBatchPlanner planner, StockService stock, InventoryConfig config,
                             MeterRegistry registry) {
        this.planner = planner;
        this.stock = stock;
        this.retry = new TransientRetry(config.retry(), () -> stopping, "sale batch");
        this.batchTimer = Timer.builder("salespulse.stock.batch.apply")
                .description("Applying one poll batch of sale events: movements, levels, alerts, outbox")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.SALES_IN)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Timer.Sample sample = Timer.start();
        SaleBatchPlanner.BatchPlan plan = retrying(() -> planner.plan(records));
        try {
            retrying(() -> stock.applySales(plan.movements(), plan.deadLetters()));
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            Log.warnf(e, "A batch of %d sale records failed; applying them one by one", records.count());
            int index = 0;
            for (var record : records) {
                applyAlone(record, plan.records().get(index++));
            }
        }
        sample.stop(batchTimer);
    }

    private void applyAlone(ConsumerRecord<String, byte[]> record,
                            SaleBatchPlanner.RecordPlan plan) {
        try {
            retrying(() -> stock.applySales(plan.movements(),
                    plan.deadLetter() == null ? List.of() : List.of(plan.deadLetter())));
        } catch (RuntimeException e) {
            if (stopping) {
                throw e;
            }
            Log.errorf(e, "Sale record %s-%d@%d cannot be applied; dead-lettering it", record.topic(),
                    record.partition(), record.offset());
            String reason = "Processing failed: " + e.getMessage();
            retrying(() -> {
                stock.deadLetter(SaleBatchPlanner.deadLetter(record, reason));
                return null;
            });
        }
    }

    private <T> T retrying(Supplier<T> work) {
        return retry.run(work);
    }
}
