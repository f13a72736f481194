package io.navswap.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads envelopes and their typed data from Kafka record values. */
@ApplicationScoped
public class EventReader {
    private final ObjectMapper mapper;

    EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope envelope(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a NavSwap event envelope", e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + envelope.eventId() + " of type " + envelope.type()
                    + " does not carry a " + type.getSimpleName(), e);
        }
    }
}
