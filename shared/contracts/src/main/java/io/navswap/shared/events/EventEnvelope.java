package io.navswap.shared.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every NavSwap event travels in. The Kafka record key is {@link #subject()},
 * so all events of one aggregate (a station, a user, a job, a battery) stay in order.
 */
public record EventEnvelope(
        String eventId,
        String type,
        Instant occurredAt,
        String source,
        String subject,
        JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
    }

    public static EventEnvelope of(String type, String source, String subject, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, Instant.now(), source, subject, data);
    }
}
