package io.salespulse.ingest.domain.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.ingest.data.DeadLetterRepository;
import io.salespulse.ingest.data.DeadLetterRow;
import io.salespulse.ingest.data.DeadLetterStatus;
import io.salespulse.ingest.data.DeliveryStatus;
import io.salespulse.ingest.data.StoreException;
import io.salespulse.ingest.data.WebhookDeliveryRepository;
import io.salespulse.ingest.domain.IdempotencyKeyReusedException;
import io.salespulse.ingest.domain.IngestResult;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleIngestService;
import io.salespulse.ingest.domain.webhook.WebhookChannel;
import io.salespulse.ingest.domain.webhook.WebhookMappers;
import io.salespulse.ingest.domain.webhook.WebhookMapping;
import io.salespulse.ingest.domain.webhook.WebhookProcessor;
import io.salespulse.ingest.messaging.DeadLetterProducer;
import io.salespulse.ingest.messaging.SaleEventProducer;
import io.salespulse.support.ProblemException;
import io.salespulse.support.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists and replays dead letters (ingest.dead_letters). Two kinds can be replayed once their cause is fixed:
 * <ul>
 *   <li>a sale event a consumer rejected (topic sales.events.v1; e.g. an unknown SKU, after the catalog has it): it is
 *   published again exactly as it was, same key and eventId, so consumers that did process it ignore it;</li>
 *   <li>a webhook delivery this service could not map: the adapter runs again on the stored, redacted body (useful
 *   after a mapping or configuration fix).</li>
 * </ul>
 * The dead letter row is locked during its replay, so two replays of one dead letter never race.
 */
@ApplicationScoped
public class DeadLetterService {
    public static final String REPUBLISHED = "REPUBLISHED";
    public static final String REPROCESSED = "REPROCESSED";

    private final DataSource dataSource;
    private final DeadLetterRepository deadLetters;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookMappers mappers;
    private final SaleIngestService ingest;
    private final SaleEventProducer saleEvents;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public DeadLetterService(DataSource dataSource, DeadLetterRepository deadLetters,
                             WebhookDeliveryRepository deliveries, WebhookMappers mappers, SaleIngestService ingest,
                             SaleEventProducer saleEvents, ObjectMapper json, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
        this.mappers = mappers;
        this.ingest = ingest;
        this.saleEvents = saleEvents;
        this.json = json;
        this.registry = registry;
    }

    public List<DeadLetterRow> list(DeadLetterStatus status, String source, DeadLetterRepository.Cursor before,
                                    int limit) {
        return deadLetters.list(status, source, before, limit);
    }

    public Optional<DeadLetterRow> find(UUID id) {
        return deadLetters.find(id);
    }

    /** Whether this service knows how to replay {@code row}. */
    public static boolean replayable(DeadLetterRow row) {
        return isWebhook(row) || Topics.SALES_EVENTS.equals(row.topic());
    }

    /**
     * Replays one OPEN dead letter for {@code actor}.
     *
     * @throws ProblemException 404 unknown, 409 already replayed, 422 not replayable or still failing (the reason is
     *                          recorded on the dead letter, which stays OPEN)
     */
    @WithSpan("DeadLetterService.replay")
    public ReplayResult replay(UUID id, String actor) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DeadLetterRow row = deadLetters.lock(connection, id)
                        .orElseThrow(() -> new ProblemException(404, "Not Found", "No dead letter " + id));
                if (row.status() != DeadLetterStatus.OPEN) {
                    throw new ProblemException(409, "Already replayed", "Dead letter " + id + " was replayed at "
                            + row.replayedAt() + "; if it failed again, its new dead letter is listed");
                }
                ReplayResult result;
                try {
                    result = isWebhook(row) ? reprocess(row) : republish(row);
                } catch (ReplayRefused refused) {
                    deadLetters.replayFailed(connection, id, refused.getMessage());
                    connection.commit();
                    throw new ProblemException(422, "Replay failed", refused.getMessage());
                }
                deadLetters.markReplayed(connection, row, actor);
                connection.commit();
                registry.counter("salespulse.deadletters.replayed", "action", result.action().toLowerCase(Locale.ROOT))
                        .increment();
                Log.infof("Dead letter %s replayed by %s: %s events %s", id, actor, result.action(), result.eventIds());
                if (row.deliveryId() != null && REPROCESSED.equals(result.action())) {
                    settleDelivery(row.deliveryId(), result.eventIds());
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Replaying a dead letter failed", e);
        }
    }

    private ReplayResult republish(DeadLetterRow row) {
        if (!Topics.SALES_EVENTS.equals(row.topic())) {
            throw new ReplayRefused("dead letters of " + (row.topic() == null ? "input that never reached Kafka"
                    : row.topic()) + " from " + row.service() + " cannot be replayed by channel-ingest-service");
        }
        JsonNode event;
        try {
            event = json.readTree(row.payload());
        } catch (IOException e) {
            throw new ReplayRefused("the rejected record is not JSON, so it cannot be a sale event");
        }
        UUID eventId;
        Instant occurredAt;
        try {
            eventId = UUID.fromString(event.path("eventId").asText());
            occurredAt = Instant.parse(event.path("occurredAt").asText());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ReplayRefused("the rejected record has no valid eventId and occurredAt");
        }
        String key = row.key() != null ? row.key() : event.path("channel").asText() + ":"
                + event.path("source").asText() + ":" + event.path("externalId").asText();
        saleEvents.republish(key, row.payload(), eventId, occurredAt);
        return new ReplayResult(row.id(), REPUBLISHED, List.of(eventId));
    }

    private ReplayResult reprocess(DeadLetterRow row) {
        WebhookChannel channel;
        try {
            channel = WebhookChannel.valueOf(row.headers().get(WebhookProcessor.CHANNEL_HEADER).toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ReplayRefused("the dead letter does not name its webhook channel");
        }
        WebhookMapping mapping = mappers.map(channel, row.source(), row.headers().get(WebhookProcessor.TOPIC_HEADER),
                row.payload(), row.headers().get(WebhookProcessor.CUSTOMER_REF_HEADER));
        if (mapping instanceof WebhookMapping.Unmappable unmappable) {
            throw new ReplayRefused("still cannot be mapped: " + unmappable.reason());
        }
        if (mapping instanceof WebhookMapping.Ignored ignored) {
            throw new ReplayRefused("nothing to publish: " + ignored.why());
        }
        List<UUID> eventIds = new ArrayList<>();
        for (SaleDraft draft : ((WebhookMapping.Sales) mapping).drafts()) {
            try {
                IngestResult result = ingest.ingest(draft, null, System.nanoTime());
                eventIds.add(result.eventId());
            } catch (IdempotencyKeyReusedException e) {
                throw new ReplayRefused(draft.source() + " order " + draft.externalId()
                        + " was already published with different content");
            }
        }
        return new ReplayResult(row.id(), REPROCESSED, eventIds);
    }

    private void settleDelivery(UUID deliveryId, List<UUID> eventIds) {
        try {
            deliveries.finish(deliveryId, DeliveryStatus.PROCESSED, "replayed from its dead letter", eventIds);
        } catch (StoreException e) {
            // The delivery row only documents the history; the dead letter already says REPLAYED.
            Log.warnf("Could not mark webhook delivery %s processed after its replay: %s", deliveryId, e.getMessage());
        }
    }

    private static boolean isWebhook(DeadLetterRow row) {
        return DeadLetterProducer.SERVICE.equals(row.service()) && row.topic() == null
                && row.headers().get(WebhookProcessor.CHANNEL_HEADER) != null;
    }

    /** The replay cannot work as things are; the reason goes to the caller and onto the dead letter. */
    private static final class ReplayRefused extends RuntimeException {
        ReplayRefused(String reason) {
            super(reason);
        }
    }
}
