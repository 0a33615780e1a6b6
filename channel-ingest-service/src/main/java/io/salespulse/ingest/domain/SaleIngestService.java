package io.salespulse.ingest.domain;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyRecord;
import io.salespulse.ingest.data.IdempotencyRepository;
import io.salespulse.ingest.data.IdempotencyStatus;
import io.salespulse.ingest.data.IdempotencyStoreException;
import io.salespulse.ingest.data.IdempotencyWrites;
import io.salespulse.ingest.data.KeyClaim;
import io.salespulse.ingest.messaging.PublishFailedException;
import io.salespulse.ingest.messaging.SaleEventProducer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a sale draft from any channel adapter into a canonical event in Kafka, once: the one path every way of
 * entering a sale goes through (REST now; webhooks and POS imports later).
 * <p>
 * Idempotency: with a key (the Idempotency-Key header, else the externalId) the request first claims
 * (source, key) in PostgreSQL, then publishes, then marks the claim ACCEPTED; concurrent requests' claims and marks
 * are group-committed ({@link IdempotencyWrites}). A retry of an accepted request is
 * answered from the claim; a retry of a failed (or long dead) one takes over and re-publishes the same event identity.
 */
@ApplicationScoped
public class SaleIngestService {
    private final SaleEventFactory factory;
    private final IdempotencyRepository keys;
    private final IdempotencyWrites singleWrites;
    private final SaleEventProducer producer;
    private final IngestMetrics metrics;
    private final Duration takeoverAfter;

    public SaleIngestService(SaleEventFactory factory, IdempotencyRepository keys, IdempotencyWrites singleWrites,
                             SaleEventProducer producer, IngestMetrics metrics, IngestConfig config) {
        this.factory = factory;
        this.keys = keys;
        this.singleWrites = singleWrites;
        this.producer = producer;
        this.metrics = metrics;
        this.takeoverAfter = config.idempotency().takeoverAfter();
    }

    /**
     * Publishes {@code draft} and returns once Kafka acknowledged it (or the answer of the first request with the same
     * key). For callers on a worker thread; {@link #ingestAsync} is the same without blocking one.
     *
     * @param receivedNanos  {@link System#nanoTime()} when the request arrived, for the latency metric
     * @param idempotencyKey the caller's key, or null to use the externalId (no idempotency without either)
     * @throws IdempotencyKeyReusedException the key was used before with a different request
     * @throws RequestInProgressException    the first request with this key is still publishing
     * @throws PublishFailedException        Kafka did not acknowledge the event
     * @throws IdempotencyStoreException     PostgreSQL could not record the key
     */
    public IngestResult ingest(SaleDraft draft, String idempotencyKey, long receivedNanos) {
        return ingestAsync(draft, idempotencyKey, receivedNanos).await().indefinitely();
    }

    /**
     * {@link #ingest} as a Uni that fails with the exceptions listed there. Nothing in it blocks the calling thread:
     * the claim, the publish and the mark complete on the group-commit writers and the Kafka client, and every step
     * chained there only hands work on, so a request costs no worker thread (and no thread switch to one) while it
     * waits for PostgreSQL and Kafka.
     */
    @WithSpan("SaleIngestService.ingest")
    public Uni<IngestResult> ingestAsync(SaleDraft draft, String idempotencyKey, long receivedNanos) {
        Context trace = Context.current();
        SaleDraft sale = factory.normalise(draft);
        String key = keyOf(sale, idempotencyKey);
        if (key == null) {
            EventIdentity identity = factory.newIdentity(sale);
            return publish(sale, identity, trace, receivedNanos)
                    .replaceWith(new IngestResult(identity.eventId(), identity.externalId(), false));
        }
        String requestHash = SaleEventFactory.fingerprint(sale);
        var request = new IdempotencyRepository.ClaimRequest(sale.source(), key, requestHash, factory.newIdentity(sale));
        return Uni.createFrom().completionStage(() -> singleWrites.claim(request))
                .chain(claim -> claim instanceof KeyClaim.Owned owned
                        ? publishClaimed(sale, key, owned, trace, receivedNanos)
                        : Uni.createFrom().item(() -> answerHeld(sale, requestHash, ((KeyClaim.Held) claim).record())));
    }

    /**
     * The answer an earlier, accepted request with the same key and content got; empty when there was none. Read on
     * a worker thread (a plain JDBC read). Lets a retry of an accepted return be answered as the retry it is, even
     * though the return itself now counts against its sale.
     */
    public Uni<Optional<IngestResult>> acceptedBefore(SaleDraft draft, String idempotencyKey) {
        SaleDraft sale = factory.normalise(draft);
        String key = keyOf(sale, idempotencyKey);
        if (key == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String requestHash = SaleEventFactory.fingerprint(sale);
        return Uni.createFrom().item(() -> keys.find(sale.source(), key)
                        .filter(held -> held.status() == IdempotencyStatus.ACCEPTED
                                && held.requestHash().equals(requestHash))
                        .map(held -> replayOf(sale, held)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String keyOf(SaleDraft sale, String idempotencyKey) {
        return idempotencyKey != null ? "idempotency-key:" + idempotencyKey
                : sale.externalId() != null ? "external-id:" + sale.externalId()
                : null;
    }

    /** A retry's answer: the result the accepted first request got, counted as replayed. */
    private IngestResult replayOf(SaleDraft sale, IdempotencyRecord held) {
        metrics.replayed(sale.channel());
        return new IngestResult(held.identity().eventId(), held.identity().externalId(), true);
    }

    /** The answer when an earlier request holds the key: its result, or why there is none yet. */
    private IngestResult answerHeld(SaleDraft sale, String requestHash, IdempotencyRecord held) {
        if (!held.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (held.status() == IdempotencyStatus.ACCEPTED) {
            return replayOf(sale, held);
        }
        // PENDING and recent (FAILED rows of the same request are always taken over by the claim).
        throw new RequestInProgressException();
    }

    /**
     * The bulk form of {@link #ingest} for POS imports: drafts that all carry an externalId (their idempotency key),
     * distinct within the batch. Claims all keys in one JDBC batch, sends every new event, waits once for all Kafka
     * acks and records the outcomes in one batch. Never throws for one bad sale: each gets its {@link BatchOutcome}.
     *
     * @throws IdempotencyStoreException PostgreSQL could not claim the keys (nothing was published)
     */
    @WithSpan("SaleIngestService.ingestBatch")
    public List<BatchOutcome> ingestBatch(List<SaleDraft> drafts, long receivedNanos) {
        List<SaleDraft> sales = drafts.stream().map(factory::normalise).toList();
        List<IdempotencyRepository.ClaimRequest> requests = new ArrayList<>(sales.size());
        for (SaleDraft sale : sales) {
            if (sale.externalId() == null) {
                throw new IllegalArgumentException("every sale of a batch has an externalId");
            }
            requests.add(new IdempotencyRepository.ClaimRequest(sale.source(), "external-id:" + sale.externalId(),
                    SaleEventFactory.fingerprint(sale), factory.newIdentity(sale)));
        }
        List<KeyClaim> claims = keys.claimAll(requests, takeoverAfter);
        BatchOutcome[] outcomes = new BatchOutcome[sales.size()];
        List<Integer> owned = new ArrayList<>();
        List<SaleEvent> events = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            SaleDraft sale = sales.get(i);
            if (claims.get(i) instanceof KeyClaim.Owned claim) {
                owned.add(i);
                events.add(SaleEventFactory.event(sale, claim.identity()));
                continue;
            }
            IdempotencyRecord held = ((KeyClaim.Held) claims.get(i)).record();
            if (!held.requestHash().equals(requests.get(i).requestHash())) {
                outcomes[i] = new BatchOutcome.Rejected(sale.externalId()
                        + " was already imported with different content");
            } else if (held.status() == IdempotencyStatus.ACCEPTED) {
                metrics.replayed(sale.channel());
                outcomes[i] = new BatchOutcome.Duplicate(held.identity().eventId(), held.identity().externalId());
            } else {
                outcomes[i] = new BatchOutcome.Rejected(sale.externalId() + " is being imported right now");
            }
        }
        List<Throwable> failures = producer.publishAll(events);
        List<IdempotencyRepository.ClaimedKey> accepted = new ArrayList<>();
        List<IdempotencyRepository.ClaimedKey> failed = new ArrayList<>();
        for (int j = 0; j < owned.size(); j++) {
            int i = owned.get(j);
            SaleEvent event = events.get(j);
            var claimed = new IdempotencyRepository.ClaimedKey(event.source(), requests.get(i).key(), event.eventId());
            if (failures.get(j) == null) {
                accepted.add(claimed);
                metrics.accepted(event.channel(), System.nanoTime() - receivedNanos);
                outcomes[i] = new BatchOutcome.Accepted(event.eventId(), event.externalId());
            } else {
                failed.add(claimed);
                outcomes[i] = new BatchOutcome.Failed("Kafka did not acknowledge the event");
            }
        }
        try {
            keys.markAllAccepted(accepted);
            keys.markAllFailed(failed);
        } catch (IdempotencyStoreException e) {
            // The events are in Kafka; the keys stay PENDING and a re-upload takes them over after the takeover
            // delay, re-sending the same event ids, which consumers deduplicate.
            Log.warnf("%d published sale events keep PENDING idempotency keys: %s", accepted.size(), e.getMessage());
        }
        return List.of(outcomes);
    }

    private Uni<IngestResult> publishClaimed(SaleDraft sale, String key, KeyClaim.Owned owned, Context trace,
                                             long receivedNanos) {
        EventIdentity identity = owned.identity();
        if (owned.takenOver()) {
            Log.infof("Retry takes over sale event %s from a failed or abandoned attempt", identity.eventId());
        }
        var claimed = new IdempotencyRepository.ClaimedKey(sale.source(), key, identity.eventId());
        return publish(sale, identity, trace, receivedNanos)
                .onFailure(PublishFailedException.class).call(() -> markFailed(claimed))
                .chain(() -> Uni.createFrom().completionStage(() -> singleWrites.markAccepted(claimed))
                        .onFailure(IdempotencyStoreException.class).recoverWithItem(e -> {
                            // The event is in Kafka, so the sale is accepted; a retry after the takeover delay
                            // re-sends the same eventId, which consumers deduplicate.
                            Log.warnf("Sale event %s is published but its idempotency key stays PENDING: %s",
                                    identity.eventId(), e.getMessage());
                            return Boolean.FALSE;
                        }))
                .replaceWith(new IngestResult(identity.eventId(), identity.externalId(), false));
    }

    /** Records a failed publish, on a worker thread (a plain JDBC write); the caller's failure stays what it was. */
    private Uni<Void> markFailed(IdempotencyRepository.ClaimedKey claimed) {
        return Uni.createFrom().<Void>item(() -> {
            try {
                keys.markFailed(claimed.scope(), claimed.key(), claimed.eventId());
            } catch (IdempotencyStoreException storeDown) {
                // The row stays PENDING: a retry takes over after ingest.idempotency.takeover-after instead.
                Log.warnf("Could not mark sale event %s as failed: %s", claimed.eventId(), storeDown.getMessage());
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Void> publish(SaleDraft sale, EventIdentity identity, Context trace, long receivedNanos) {
        return producer.publish(SaleEventFactory.event(sale, identity), trace)
                .invoke(() -> metrics.accepted(sale.channel(), System.nanoTime() - receivedNanos));
    }
}
