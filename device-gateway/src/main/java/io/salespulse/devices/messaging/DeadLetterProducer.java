package io.salespulse.devices.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.salespulse.support.CloudEvents;
import io.salespulse.support.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

@ApplicationScoped
public class DeadLetterProducer {
    private final Emitter<String> emitter;
    private final ObjectMapper mapper;

    public DeadLetterProducer(@Channel("dead-letters") Emitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public void send(DeadLetter letter) {
        try {
            emitter.send(CloudEvents.message(letter.source(), mapper.writeValueAsString(letter), letter.id(),
                    DeadLetter.EVENT_TYPE, "/device-gateway", letter.failedAt()));
        } catch (JsonProcessingException e) {
            Log.errorf("dead letter %s not serialisable", letter.id());
        }
    }
}
