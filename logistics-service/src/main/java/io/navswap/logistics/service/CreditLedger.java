package io.navswap.logistics.service;

import io.navswap.logistics.domain.CreditEntry;
import io.navswap.logistics.domain.CreditKind;
import io.navswap.logistics.domain.Geo;
import io.navswap.logistics.repository.CreditLedgerRepository;
import io.navswap.shared.events.SwapCompleted;
import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Books credits, once per source: every entry carries a source key ({@code job.delivered:<job>},
 * {@code swap.completed:<swap>}) under a unique index, so a redelivered event, a retried call or the two
 * booking paths of a delivery (the complete call and the {@code job.delivered} consumer) add one entry at most.
 */
@ApplicationScoped
public class CreditLedger {
    private static final Logger LOG = Logger.getLogger(CreditLedger.class);

    /** A user's balance and one page of his entries, newest first. */
    public record Account(String userId, double balance, long entryCount, int page, int size, List<CreditEntry> entries) {
    }

    private final CreditLedgerRepository entries;

    CreditLedger(CreditLedgerRepository entries) {
        this.entries = entries;
    }

    /** Transporter earnings for a delivered job; answers whether this call booked them. */
    public Uni<Boolean> bookDelivery(String jobId, String transporterId, double credits, int batteryCount,
            double distanceKm, String eventId, Instant occurredAt) {
        CreditEntry entry = new CreditEntry();
        entry.userId = transporterId;
        entry.kind = CreditKind.TRANSPORT_EARNINGS;
        entry.amount = Geo.round2(credits);
        entry.sourceKey = CreditEntry.jobDeliveredKey(jobId);
        entry.sourceEventId = eventId;
        entry.referenceType = "transport_job";
        entry.referenceId = jobId;
        entry.description = String.format(Locale.ROOT, "Delivered job %s: %d batteries over %.2f km", jobId,
                batteryCount, distanceKm);
        entry.occurredAt = occurredAt == null ? Instant.now() : occurredAt;
        return book(entry);
    }

    /** A rider's loyalty credits for a completed swap; nothing for a swap that earned none. */
    public Uni<Boolean> bookLoyalty(SwapCompleted swap, String eventId, Instant occurredAt) {
        if (swap.loyaltyCredits() <= 0 || swap.userId() == null || swap.swapId() == null) {
            return Uni.createFrom().item(false);
        }
        CreditEntry entry = new CreditEntry();
        entry.userId = swap.userId();
        entry.kind = CreditKind.SWAP_LOYALTY;
        entry.amount = swap.loyaltyCredits();
        entry.sourceKey = CreditEntry.swapCompletedKey(swap.swapId());
        entry.sourceEventId = eventId;
        entry.referenceType = "swap";
        entry.referenceId = swap.swapId();
        entry.description = "Swap " + swap.swapId() + " at " + swap.stationId();
        entry.occurredAt = swap.completedAt() != null ? swap.completedAt() : occurredAt;
        return book(entry);
    }

    public Uni<Account> account(Caller caller, String userId, int page, int size) {
        if (!caller.mayActFor(userId)) {
            throw ProblemException.forbidden("Credits are visible to their owner and to admins only");
        }
        return Uni.combine().all().unis(entries.balance(userId, null), entries.countByUser(userId),
                        entries.pageByUser(userId, page, size))
                .with((balance, count, list) -> new Account(userId, Geo.round2(balance), count, page, size, list));
    }

    private Uni<Boolean> book(CreditEntry entry) {
        entry.id = "CR-" + UUID.randomUUID();
        entry.bookedAt = Instant.now();
        return entries.insertIfAbsent(entry).invoke(booked -> {
            if (booked) {
                LOG.infof("Booked %.2f credits to %s for %s", entry.amount, entry.userId, entry.sourceKey);
            } else {
                LOG.debugf("%s was booked before; nothing added", entry.sourceKey);
            }
        });
    }
}
