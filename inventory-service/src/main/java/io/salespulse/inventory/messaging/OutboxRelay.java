package io.salespulse.inventory.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.support.CloudEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the outbox to Kafka: a relay thread takes the oldest rows (in id order, one relay across all instances by
 * an advisory lock), sends them, waits until the broker acknowledged every one and only then deletes them, all in
 * one transaction. A commit that wrote to the outbox wakes it at once; otherwise it polls. A crash between sending
 * and deleting sends those records again: consumers are idempotent, and the compacted topics carry full state.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;
    private final InventoryConfig.Outbox config;
    private final MeterRegistry registry;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository outbox, @Channel(Channels.OUTBOX_OUT) MutinyEmitter<String> emitter,
                       InventoryConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.config = config.outbox();
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        outbox.onCommit(wakeUp::release);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int sent = relayOnce();
                backoff = Duration.ofMillis(100);
                if (sent < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf(e, "Relaying the outbox failed; retrying in %d ms", backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** One round: sends up to a batch of rows and deletes them once acknowledged; returns how many. */
    int relayOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.tryLockRelay()) {
                return 0;
            }
            List<OutboxMessage> batch = outbox.next(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            // Sent with the transaction suspended: Quarkus propagates the caller's context into the emitter's
            // processing, and a transaction active on two threads cannot commit. The advisory lock stays held.
            QuarkusTransaction.suspendingExisting().run(() -> send(batch));
            outbox.delete(batch.stream().map(OutboxMessage::id).toList());
            batch.forEach(m -> registry.counter("salespulse.outbox.relayed", "topic", m.topic()).increment());
            return batch.size();
        });
    }

    /** Sends in list order (the producer keeps that order per partition) and waits for every acknowledgement. */
    private void send(List<OutboxMessage> batch) {
        List<Uni<Void>> sends = batch.stream().map(m -> emitter.sendMessage(toMessage(m))).toList();
        Uni.join().all(sends).andFailFast().await().atMost(config.sendTimeout());
    }

    private static Message<String> toMessage(OutboxMessage m) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(m.topic())
                .withKey(m.key())
                .withHeaders(CloudEvents.headers(m.eventId(), m.eventType(), InventoryEvents.SOURCE, m.eventTime()))
                .build();
        return Message.of(m.payload()).addMetadata(metadata);
    }
}
