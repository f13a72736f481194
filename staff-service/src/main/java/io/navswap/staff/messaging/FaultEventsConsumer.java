package io.navswap.staff.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.FaultRecorded;
import io.navswap.staff.service.FaultEscalationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code navswap.faults}: {@code fault.recorded} starts the level pipeline; every other type
 * (including this service's own {@code fault.diagnosed} and {@code ticket.*}) is skipped. Idempotent twice
 * over: the event id is remembered, and each level step is conditional on the fault's stored status.
 * Transient failures are retried a few times before the record goes to the dead-letter topic.
 */
@ApplicationScoped
public class FaultEventsConsumer {
    private static final Logger LOG = Logger.getLogger(FaultEventsConsumer.class);
    static final String CONSUMER = "staff-service.faults";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final FaultEscalationService escalation;
    private final String self;

    FaultEventsConsumer(EventReader reader, ProcessedEvents processed, FaultEscalationService escalation,
            @ConfigProperty(name = "quarkus.application.name") String self) {
        this.reader = reader;
        this.processed = processed;
        this.escalation = escalation;
        this.self = self;
    }

    @Incoming("faults-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        if (!EventTypes.FAULT_RECORDED.equals(envelope.type()) || self.equals(envelope.source())) {
            return Uni.createFrom().voidItem();
        }
        FaultRecorded data = reader.data(envelope, FaultRecorded.class);
        if (data.batteryId() == null || data.batteryId().isBlank()) {
            LOG.warnf("fault.recorded %s has no battery id; skipped", envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        return processed.once(CONSUMER, envelope.eventId(), () -> escalation.onFaultRecorded(envelope, data))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .replaceWithVoid();
    }
}
