package io.navswap.station.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.TicketChanged;
import io.navswap.station.service.BatteryService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * navswap.faults: a {@code ticket.resolved} with outcome {@code repaired} returns the quarantined battery to
 * service. Other outcomes and other types (including this service's own {@code fault.recorded}) are skipped.
 */
@ApplicationScoped
public class TicketEventsConsumer {
    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);
    static final String CONSUMER = "station-repairs";
    static final String REPAIRED = "repaired";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final BatteryService batteries;

    TicketEventsConsumer(EventReader reader, ProcessedEvents processed, BatteryService batteries) {
        this.reader = reader;
        this.processed = processed;
        this.batteries = batteries;
    }

    @Incoming("faults-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        if (!EventTypes.TICKET_RESOLVED.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        TicketChanged ticket = reader.data(envelope, TicketChanged.class);
        if (!REPAIRED.equalsIgnoreCase(ticket.outcome()) || ticket.batteryId() == null) {
            return Uni.createFrom().voidItem();
        }
        return processed.once(CONSUMER, envelope.eventId(), () -> batteries.returnToService(ticket.batteryId(), ticket.ticketId())
                .invoke(moved -> {
                    if (moved) {
                        LOG.infof("Battery %s back in service after ticket %s", ticket.batteryId(), ticket.number());
                    }
                })).replaceWithVoid();
    }
}
