package io.salespulse.ingest.domain.webhook;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.DeadLetterRepository;
import io.salespulse.ingest.data.DeliveryStatus;
import io.salespulse.ingest.data.IdempotencyStoreException;
import io.salespulse.ingest.data.StoredDelivery;
import io.salespulse.ingest.data.WebhookDeliveryRepository;
import io.salespulse.ingest.domain.IdempotencyKeyReusedException;
import io.salespulse.ingest.domain.IngestResult;
import io.salespulse.ingest.domain.RequestInProgressException;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleIngestService;
import io.salespulse.ingest.messaging.DeadLetterConsumer;
import io.salespulse.ingest.messaging.DeadLetterProducer;
import io.salespulse.ingest.messaging.PublishFailedException;
import io.salespulse.support.DeadLetter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The asynchronous half of a webhook: claims due PENDING deliveries ({@code FOR UPDATE SKIP LOCKED}, so instances
 * share the work), maps each with its channel's adapter and publishes its sales through {@link SaleIngestService}
 * (idempotent on the order's externalId within its source), or dead-letters it. Claim and outcome commit in one
 * transaction: a crash in between leaves the delivery PENDING and the retry re-publishes the same event identity.
 * Runs when woken by a new delivery and on a schedule (leftovers, retries, other instances' crashes). Kafka or
 * PostgreSQL trouble is retried with exponential backoff; it never dead-letters a delivery.
 */
@ApplicationScoped
public class WebhookProcessor {
    public static final String CHANNEL_HEADER = "x-salespulse-channel";
    public static final String TOPIC_HEADER = "x-salespulse-webhook-topic";
    public static final String DELIVERY_ID_HEADER = "x-salespulse-webhook-delivery-id";
    public static final String CUSTOMER_REF_HEADER = "x-salespulse-customer-ref";
    /** Unexpected failures of one delivery before it is dead-lettered (infrastructure failures never count). */
    static final int MAX_UNEXPECTED_FAILURES = 10;

    private final DataSource dataSource;
    private final WebhookDeliveryRepository deliveries;
    private final DeadLetterRepository deadLetters;
    private final WebhookMappers mappers;
    private final SaleIngestService ingest;
    private final DeadLetterProducer deadLetterProducer;
    private final WebhookMetrics metrics;
    private final int batchSize;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-processor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public WebhookProcessor(DataSource dataSource, WebhookDeliveryRepository deliveries,
                            DeadLetterRepository deadLetters, WebhookMappers mappers, SaleIngestService ingest,
                            DeadLetterProducer deadLetterProducer, WebhookMetrics metrics, IngestConfig config) {
        this.dataSource = dataSource;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.mappers = mappers;
        this.ingest = ingest;
        this.deadLetterProducer = deadLetterProducer;
        this.metrics = metrics;
        this.batchSize = config.webhooks().batchSize();
        this.initialBackoff = config.webhooks().initialBackoff();
        this.maxBackoff = config.webhooks().maxBackoff();
    }

    /** Processes new deliveries soon, on this instance's worker thread; many wake-ups collapse into one drain. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                wakeQueued.set(false);
                drainQuietly();
            });
        }
    }

    @Scheduled(identity = "webhook-processor", every = "${ingest.webhooks.poll-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drainQuietly();
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }

    /** Processes every due delivery; returns how many were claimed. */
    public int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = processBatch();
            total += claimed;
        } while (claimed == batchSize);
        return total;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            Log.warnf("Webhook processing failed, the next run retries: %s", e.toString());
        }
    }

    /** One transaction: lock up to batch-size due deliveries, settle each. Stops early when Kafka is in trouble. */
    private int processBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<StoredDelivery> due = deliveries.lockDue(connection, batchSize);
                int settled = 0;
                for (StoredDelivery delivery : due) {
                    settled++;
                    if (!settle(connection, delivery)) {
                        break;
                    }
                }
                connection.commit();
                return settled == due.size() ? due.size() : 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IdempotencyStoreException("Processing webhook deliveries failed", e);
        }
    }

    /** Settles one delivery in the claim transaction; false when it must be retried later (infrastructure). */
    private boolean settle(Connection connection, StoredDelivery delivery) throws SQLException {
        try {
            WebhookMapping mapping = mappers.map(delivery.channel(), delivery.source(), delivery.topic(),
                    delivery.body(), delivery.customerRef());
            if (mapping instanceof WebhookMapping.Sales sales) {
                publish(connection, delivery, sales);
            } else if (mapping instanceof WebhookMapping.Ignored ignored) {
                deliveries.finish(connection, delivery.id(), DeliveryStatus.IGNORED, ignored.why(), List.of());
                done(delivery, DeliveryStatus.IGNORED, ignored.why());
            } else {
                deadLetter(connection, delivery, (WebhookMapping.Unmappable) mapping);
            }
            return true;
        } catch (PublishFailedException | IdempotencyStoreException | RequestInProgressException e) {
            Duration backoff = backoff(delivery.attempts());
            deliveries.retryLater(connection, delivery.id(), e.getMessage(), backoff);
            metrics.processed(delivery.channel(), "retry");
            Log.warnf("Webhook delivery %s retried in %s: %s", delivery.id(), backoff, e.getMessage());
            return false;
        } catch (RuntimeException unexpected) {
            // A bug or a payload nobody foresaw: this delivery must not block the ones behind it. It goes to the back
            // of the queue, and after a few attempts to the dead letters, where a person can look at it.
            Log.errorf(unexpected, "Webhook delivery %s failed unexpectedly (attempt %d)", delivery.id(),
                    delivery.attempts() + 1);
            if (delivery.attempts() + 1 >= MAX_UNEXPECTED_FAILURES) {
                deadLetter(connection, delivery, new WebhookMapping.Unmappable("processing failed "
                        + MAX_UNEXPECTED_FAILURES + " times: " + unexpected));
            } else {
                deliveries.retryLater(connection, delivery.id(), unexpected.toString(), backoff(delivery.attempts()));
                metrics.processed(delivery.channel(), "retry");
            }
            return true;
        }
    }

    private void publish(Connection connection, StoredDelivery delivery, WebhookMapping.Sales sales)
            throws SQLException {
        sales.warnings().forEach(warning -> Log.warnf("Webhook delivery %s: %s", delivery.id(), warning));
        long receivedNanos = System.nanoTime() - Duration.between(delivery.receivedAt(), Instant.now()).toNanos();
        List<UUID> eventIds = new ArrayList<>();
        boolean anyNew = false;
        for (SaleDraft draft : sales.drafts()) {
            IngestResult result;
            try {
                result = ingest.ingest(draft, null, receivedNanos);
            } catch (IdempotencyKeyReusedException e) {
                deadLetter(connection, delivery, new WebhookMapping.Unmappable(draft.source() + " order "
                        + draft.externalId() + " was already received with different content; the first version "
                        + "stands"));
                return;
            }
            eventIds.add(result.eventId());
            anyNew |= !result.replayed();
        }
        DeliveryStatus status = anyNew ? DeliveryStatus.PROCESSED : DeliveryStatus.DUPLICATE;
        deliveries.finish(connection, delivery.id(), status, null, eventIds);
        done(delivery, status, "events " + eventIds);
    }

    private void deadLetter(Connection connection, StoredDelivery delivery, WebhookMapping.Unmappable unmappable)
            throws SQLException {
        // The same problem repeated by later deliveries (dedupe key) or this delivery retried: one dead letter.
        String identity = unmappable.dedupeKey() != null ? unmappable.dedupeKey() : "webhook-delivery:" + delivery.id();
        UUID id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        if (unmappable.dedupeKey() != null && deadLetters.exists(id)) {
            String note = "already dead-lettered as " + id + ": " + unmappable.reason();
            deliveries.finish(connection, delivery.id(), DeliveryStatus.IGNORED, note, List.of());
            done(delivery, DeliveryStatus.IGNORED, note);
            return;
        }
        DeadLetter deadLetter = deadLetterOf(id, delivery.id(), delivery.channel(), delivery.source(),
                delivery.topic(), delivery.deliveryId(), delivery.customerRef(), delivery.body(), unmappable.reason());
        deadLetterProducer.publish(deadLetter);
        deadLetters.insert(connection, deadLetter, delivery.id());
        deliveries.finish(connection, delivery.id(), DeliveryStatus.DEAD_LETTERED, unmappable.reason(), List.of());
        done(delivery, DeliveryStatus.DEAD_LETTERED, unmappable.reason());
    }

    /**
     * The dead letter of a webhook delivery: its source, the reason, the redacted body as payload and, as headers,
     * what a replay needs to map it again (channel, topic, delivery ids, customer pseudonym). No personal data.
     */
    public static DeadLetter deadLetterOf(UUID id, UUID delivery, WebhookChannel channel, String source, String topic,
                                          String platformDeliveryId, String customerRef, String redactedBody,
                                          String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CHANNEL_HEADER, channel.tag());
        headers.put(TOPIC_HEADER, topic);
        headers.put(DELIVERY_ID_HEADER, platformDeliveryId);
        headers.put(DeadLetterConsumer.DELIVERY_HEADER, delivery.toString());
        if (customerRef != null) {
            headers.put(CUSTOMER_REF_HEADER, customerRef);
        }
        String why = reason == null || reason.isBlank() ? "unknown" : reason;
        return new DeadLetter(id, source, null, null, null, null, why.length() > 2000 ? why.substring(0, 2000) : why,
                redactedBody == null ? "" : redactedBody, headers, Instant.now(), DeadLetterProducer.SERVICE);
    }

    private void done(StoredDelivery delivery, DeliveryStatus status, String note) {
        metrics.processed(delivery.channel(), status.name().toLowerCase(Locale.ROOT));
        Log.infof("Webhook delivery %s (%s %s) %s: %s", delivery.id(), delivery.source(), delivery.topic(), status,
                note);
    }

    private Duration backoff(int attempts) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempts, 16));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
