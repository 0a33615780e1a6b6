package io.salespulse.orders.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.Collection;
import java.util.List;

/** Sends what order-service cannot process to sales.deadletter.v1, key = the dead letter's source. */
@ApplicationScoped
public class DeadLetterProducer {
    static final String CHANNEL = "dead-letters";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public DeadLetterProducer(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                              MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Sends the dead letters; the Uni completes when the broker has acknowledged all of them. */
    public Uni<Void> send(Collection<DeadLetter> deadLetters) {
        List<Uni<Void>> sends = deadLetters.stream().map(this::send).toList();
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(DeadLetter deadLetter) {
        try {
            return emitter.sendMessage(CloudEvents.message(deadLetter.source(), json.writeValueAsString(deadLetter),
                    deadLetter.id(), DeadLetter.EVENT_TYPE, Messaging.SOURCE, deadLetter.failedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize dead letter " + deadLetter.id(), e);
        }
    }
}
