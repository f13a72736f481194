package io.navswap.logistics.rest;

import io.navswap.logistics.domain.CreditEntry;
import io.navswap.logistics.domain.CreditKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies that are not a single job. */
public final class Responses {
    private Responses() {
    }

    public record JobPage(long total, int page, int size, List<JobView> jobs) {
    }

    public record History(String transporterId, double totalEarnings, long deliveredJobs, long activeJobs,
            long totalJobs, int page, int size, List<JobView> jobs) {
    }

    public record Summary(Map<String, Long> jobsByStatus, long activeTransporters, double creditsIssuedToday) {
    }

    public record CreditEntryView(String entryId, CreditKind kind, double amount, String referenceType,
            String referenceId, String description, String sourceKey, Instant occurredAt, Instant bookedAt) {

        static CreditEntryView of(CreditEntry e) {
            return new CreditEntryView(e.id, e.kind, e.amount, e.referenceType, e.referenceId, e.description,
                    e.sourceKey, e.occurredAt, e.bookedAt);
        }
    }

    public record Credits(String userId, double balance, long entryCount, int page, int size,
            List<CreditEntryView> entries) {
    }
}
