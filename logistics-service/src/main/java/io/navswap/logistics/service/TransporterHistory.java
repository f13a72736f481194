package io.navswap.logistics.service;

import io.navswap.logistics.domain.TransportJob;
import java.util.List;

/** A page of a transporter's jobs with his earnings to date (from the ledger). */
public record TransporterHistory(String transporterId, double totalEarnings, long deliveredJobs, long activeJobs,
        long totalJobs, int page, int size, List<TransportJob> jobs) {
}
