package io.salespulse.orders.messaging;

import io.quarkus.logging.Log;
import io.salespulse.orders.config.OrdersConfig;
import io.salespulse.orders.data.DataAccessException;
import io.salespulse.orders.domain.Order;
import io.salespulse.orders.domain.OrderService;
import io.salespulse.orders.domain.RecordOutcome;
import io.salespulse.orders.domain.Rejection;
import io.salespulse.orders.domain.Result;
import io.salespulse.orders.domain.SaleEvent;
import io.salespulse.orders.domain.SaleEventParser;
import io.salespulse.support.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records sales.events.v1 exactly once. Per poll batch: parse and validate every record, record the valid events
 * in one transaction, then (after the commit) publish orders.recorded.v1 for each of them and the dead letters, wait
 * for the broker's acknowledgements, and only then return, which lets the connector commit the offsets. A crash at
 * any point redelivers the batch; the idempotent insert and the idempotent analytics make that harmless.
 */
@ApplicationScoped
public class SaleEventConsumer {
    static final String CHANNEL = "sales-events";

    private final OrderService orders;
    private final OrderRecordedProducer recordedProducer;
    private final DeadLetterProducer deadLetterProducer;
    private final OrderMetrics metrics;
    private final Retrier retrier;
    private final Duration publishTimeout;

    public SaleEventConsumer(OrderService orders, OrderRecordedProducer recordedProducer,
                             DeadLetterProducer deadLetterProducer, OrderMetrics metrics, Retrier retrier,
                             OrdersConfig config) {
        this.orders = orders;
        this.recordedProducer = recordedProducer;
        this.deadLetterProducer = deadLetterProducer;
        this.metrics = metrics;
        this.retrier = retrier;
        this.publishTimeout = config.publishTimeout();
    }

    /** A record that will not become an order, and why. */
    private record Failed(ConsumerRecord<String, String> record, Rejection rejection) {
    }

    private record BatchResult(List<RecordOutcome> outcomes, List<Failed> failed) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> accepted = new ArrayList<>();
        List<SaleEvent> events = new ArrayList<>();
        List<Failed> invalid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Result<SaleEvent> parsed = SaleEventParser.parse(record.value());
            if (parsed instanceof Result.Ok<SaleEvent> ok) {
                accepted.add(record);
                events.add(ok.value());
            } else if (parsed instanceof Result.Rejected<SaleEvent> rejected) {
                invalid.add(new Failed(record, rejected.rejection()));
            }
        }
        BatchResult result = retrier.call("Recording a batch of " + records.count() + " sale events",
                () -> recordAndPublish(accepted, events, invalid));

        int inserted = 0;
        for (RecordOutcome outcome : result.outcomes()) {
            if (outcome instanceof RecordOutcome.Recorded recorded) {
                if (recorded.inserted()) {
                    metrics.recorded(recorded.order().header());
                    inserted++;
                } else {
                    metrics.duplicate(recorded.order().header());
                }
            }
        }
        for (Failed failed : result.failed()) {
            metrics.deadLettered(failed.rejection().kind());
            Log.warnf("Sale event %s-%d@%d dead-lettered: %s", failed.record().topic(), failed.record().partition(),
                    failed.record().offset(), failed.rejection().reason());
        }
        Log.debugf("Sale events: %d received, %d recorded, %d dead-lettered", records.count(), inserted,
                result.failed().size());
    }

    private BatchResult recordAndPublish(List<ConsumerRecord<String, String>> accepted, List<SaleEvent> events,
                                         List<Failed> invalid) {
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RecordOutcome> outcomes = events.isEmpty() ? List.of() : recordIsolatingBadData(events, recordedAt);

        // After the commit: the stored orders (each once, also when the batch held an event twice) and dead letters.
        Map<UUID, Order> toPublish = new LinkedHashMap<>();
        List<Failed> failed = new ArrayList<>(invalid);
        for (int i = 0; i < outcomes.size(); i++) {
            RecordOutcome outcome = outcomes.get(i);
            if (outcome instanceof RecordOutcome.Recorded recorded) {
                toPublish.putIfAbsent(recorded.order().orderId(), recorded.order());
            } else if (outcome instanceof RecordOutcome.Rejected rejected) {
                failed.add(new Failed(accepted.get(i), rejected.rejection()));
            }
        }
        List<DeadLetter> deadLetters = failed.stream().map(f -> Messaging.deadLetter(f.record(), f.rejection())).toList();
        Uni.combine().all().unis(recordedProducer.publish(toPublish.values()), deadLetterProducer.send(deadLetters))
                .discardItems()
                .await().atMost(publishTimeout);
        return new BatchResult(outcomes, failed);
    }

    /**
     * One transaction for the batch. Should the database refuse the batch for its data (a value the validation let
     * through but a constraint does not), the events are recorded one by one and only the refused ones are
     * dead-lettered: a single bad event must neither block the partition nor take the others down with it.
     */
    private List<RecordOutcome> recordIsolatingBadData(List<SaleEvent> events, Instant recordedAt) {
        try {
            return orders.record(events, recordedAt);
        } catch (DataAccessException e) {
            if (!e.isDataError()) {
                throw e;
            }
            Log.warnf("A batch of %d sale events was refused by the database (%s); recording them one by one",
                    events.size(), e.sqlState());
        }
        List<RecordOutcome> outcomes = new ArrayList<>(events.size());
        for (SaleEvent event : events) {
            try {
                outcomes.addAll(orders.record(List.of(event), recordedAt));
            } catch (DataAccessException e) {
                if (!e.isDataError()) {
                    throw e;
                }
                outcomes.add(new RecordOutcome.Rejected(new Rejection(Rejection.Kind.REJECTED_BY_DATABASE,
                        "rejected by the database (SQLSTATE " + e.sqlState() + "): " + e.getCause().getMessage())));
            }
        }
        return outcomes;
    }
}
