package io.salespulse.devices.messaging;

import io.salespulse.devices.config.DevicesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a message and blocks (on a worker thread) until the broker acks it (acks=all), so a device is answered
 * only once its data is durable; a slow or failing broker becomes {@link KafkaSlowException} (503 + Retry-After).
 */
@ApplicationScoped
public class AckedPublisher {
    private final DevicesConfig config;

    public AckedPublisher(DevicesConfig config) {
        this.config = config;
    }

    public void sendAndAwait(Emitter<String> emitter, Message<String> message) {
        var acked = new CompletableFuture<Void>();
        try {
            emitter.send(message
                    .withAck(() -> {
                        acked.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(t -> {
                        acked.completeExceptionally(t);
                        return CompletableFuture.completedFuture(null);
                    }));
            acked.get(config.kafka().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KafkaSlowException("Kafka did not acknowledge in time", e);
        } catch (ExecutionException | RuntimeException e) {
            throw new KafkaSlowException("Kafka refused the message", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSlowException("interrupted waiting for Kafka", e);
        }
    }
}
