package io.navswap.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes outbox entries: an envelope around {@code data}, keyed by its subject. */
@ApplicationScoped
public class OutboxEvents {
    private final ObjectMapper mapper;
    private final String source;

    OutboxEvents(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.mapper = mapper;
        this.source = source;
    }

    public OutboxEntry entry(String topic, String type, String subject, Object data) {
        EventEnvelope envelope = EventEnvelope.of(type, source, subject, mapper.valueToTree(data));
        try {
            return new OutboxEntry(envelope.eventId(), topic, subject, type, mapper.writeValueAsString(envelope),
                    envelope.occurredAt());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type + " cannot be serialised", e);
        }
    }
}
