package io.navswap.logistics.messaging;

import io.navswap.logistics.repository.SwapActivityRepository;
import io.navswap.logistics.service.CreditLedger;
import io.navswap.messaging.EventReader;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.SwapCompleted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code navswap.swaps}: {@code swap.completed} books the rider's loyalty credits and counts as demand at its
 * station (for the stock-order and rebalancing models). The ledger's unique source
 * key ({@code swap.completed:<swap_id>}) makes this idempotent by itself: a redelivered event, or the same
 * swap announced again under a new event id, adds nothing. Other types are skipped.
 */
@ApplicationScoped
public class SwapsTopicConsumer {
    private final EventReader reader;
    private final CreditLedger ledger;
    private final SwapActivityRepository activity;

    SwapsTopicConsumer(EventReader reader, CreditLedger ledger, SwapActivityRepository activity) {
        this.reader = reader;
        this.ledger = ledger;
        this.activity = activity;
    }

    @Incoming("swaps-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        if (!EventTypes.SWAP_COMPLETED.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        SwapCompleted swap = reader.data(envelope, SwapCompleted.class);
        Instant at = swap.completedAt() != null ? swap.completedAt() : envelope.occurredAt();
        Uni<Void> demand = swap.swapId() == null || swap.stationId() == null
                ? Uni.createFrom().voidItem()
                : activity.record(swap.swapId(), swap.stationId(), at);
        return ledger.bookLoyalty(swap, envelope.eventId(), envelope.occurredAt()).chain(() -> demand);
    }
}
