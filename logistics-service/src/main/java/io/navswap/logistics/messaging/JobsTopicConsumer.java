package io.navswap.logistics.messaging;

import io.navswap.logistics.service.CreditLedger;
import io.navswap.logistics.service.RebalancingPlanner;
import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.InventoryChanged;
import io.navswap.shared.events.TransportJobChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code navswap.jobs}: station-service's {@code inventory.changed} (plan rebalancing and overflow jobs) and
 * this service's own {@code job.delivered} (the crash-safe path that books transporter earnings; the complete
 * call normally books them first and this finds them booked). Other types are skipped. A record that cannot be
 * read or applied is nacked and lands in {@code navswap.dlq.logistics-service}.
 */
@ApplicationScoped
public class JobsTopicConsumer {
    private static final Logger LOG = Logger.getLogger(JobsTopicConsumer.class);
    static final String INVENTORY_CONSUMER = "logistics-inventory";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final RebalancingPlanner planner;
    private final CreditLedger ledger;

    JobsTopicConsumer(EventReader reader, ProcessedEvents processed, RebalancingPlanner planner, CreditLedger ledger) {
        this.reader = reader;
        this.processed = processed;
        this.planner = planner;
        this.ledger = ledger;
    }

    @Incoming("jobs-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        return switch (envelope.type()) {
            case EventTypes.INVENTORY_CHANGED -> {
                InventoryChanged change = reader.data(envelope, InventoryChanged.class);
                if (change.stationId() == null || change.stationId().isBlank()) {
                    LOG.warnf("inventory.changed %s has no station id; skipped", envelope.eventId());
                    yield Uni.createFrom().voidItem();
                }
                yield processed.once(INVENTORY_CONSUMER, envelope.eventId(),
                                () -> planner.onInventoryChanged(change, envelope.eventId(), envelope.occurredAt()))
                        .replaceWithVoid();
            }
            case EventTypes.JOB_DELIVERED -> {
                TransportJobChanged delivered = reader.data(envelope, TransportJobChanged.class);
                yield ledger.bookDelivery(delivered.jobId(), delivered.transporterId(), delivered.credits(),
                        delivered.batteryCount(), delivered.distanceKm(), envelope.eventId(),
                        delivered.changedAt() != null ? delivered.changedAt() : envelope.occurredAt()).replaceWithVoid();
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
