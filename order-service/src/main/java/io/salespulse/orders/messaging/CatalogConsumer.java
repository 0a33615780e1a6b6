package io.salespulse.orders.messaging;

import io.quarkus.logging.Log;
import io.salespulse.orders.config.OrdersConfig;
import io.salespulse.orders.data.DataAccessException;
import io.salespulse.orders.domain.CatalogChange;
import io.salespulse.orders.domain.CatalogParser;
import io.salespulse.orders.domain.CatalogService;
import io.salespulse.orders.domain.Rejection;
import io.salespulse.orders.domain.Result;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the compacted catalog topics (products and locations) into order-service's reference tables, one
 * transaction per poll batch. Records that break the contract are dead-lettered; they do not stop the catalog.
 */
@ApplicationScoped
public class CatalogConsumer {
    static final String CHANNEL = "catalog";

    private final CatalogService catalog;
    private final DeadLetterProducer deadLetterProducer;
    private final OrderMetrics metrics;
    private final Retrier retrier;
    private final Duration publishTimeout;

    public CatalogConsumer(CatalogService catalog, DeadLetterProducer deadLetterProducer, OrderMetrics metrics,
                           Retrier retrier, OrdersConfig config) {
        this.catalog = catalog;
        this.deadLetterProducer = deadLetterProducer;
        this.metrics = metrics;
        this.retrier = retrier;
        this.publishTimeout = config.publishTimeout();
    }

    private record Change(ConsumerRecord<String, String> record, CatalogChange change) {
    }

    private record Failed(ConsumerRecord<String, String> record, Rejection rejection) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<Change> changes = new ArrayList<>();
        List<Failed> invalid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Result<CatalogChange> parsed = Topics.CATALOG_LOCATIONS.equals(record.topic())
                    ? CatalogParser.location(record.key(), record.value())
                    : CatalogParser.product(record.key(), record.value());
            if (parsed instanceof Result.Ok<CatalogChange> ok) {
                changes.add(new Change(record, ok.value()));
            } else if (parsed instanceof Result.Rejected<CatalogChange> rejected) {
                invalid.add(new Failed(record, rejected.rejection()));
            }
        }
        List<Failed> failed = retrier.call("Applying a batch of " + records.count() + " catalog records", () -> {
            List<Failed> all = new ArrayList<>(invalid);
            all.addAll(applyIsolatingBadData(changes));
            List<DeadLetter> deadLetters = all.stream().map(f -> Messaging.deadLetter(f.record(), f.rejection())).toList();
            deadLetterProducer.send(deadLetters).await().atMost(publishTimeout);
            return all;
        });
        for (Failed f : failed) {
            metrics.deadLettered(f.rejection().kind());
            Log.warnf("Catalog record %s-%d@%d dead-lettered: %s", f.record().topic(), f.record().partition(),
                    f.record().offset(), f.rejection().reason());
        }
        Log.debugf("Catalog: %d records applied, %d dead-lettered", changes.size(), failed.size());
    }

    /** Like sale events: a batch refused for its data is applied record by record, dead-lettering the refused. */
    private List<Failed> applyIsolatingBadData(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        try {
            catalog.apply(changes.stream().map(Change::change).toList());
            return List.of();
        } catch (DataAccessException e) {
            if (!e.isDataError()) {
                throw e;
            }
            Log.warnf("A batch of %d catalog records was refused by the database (%s); applying them one by one",
                    changes.size(), e.sqlState());
        }
        List<Failed> failed = new ArrayList<>();
        for (Change change : changes) {
            try {
                catalog.apply(List.of(change.change()));
            } catch (DataAccessException e) {
                if (!e.isDataError()) {
                    throw e;
                }
                failed.add(new Failed(change.record(), new Rejection(Rejection.Kind.REJECTED_BY_DATABASE,
                        "rejected by the database (SQLSTATE " + e.sqlState() + "): " + e.getCause().getMessage())));
            }
        }
        return failed;
    }
}
