package io.navswap.queue.service;

import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.repository.GpsLogRepository;
import io.navswap.queue.repository.QrTokenRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Removes the history queue-service need not keep for ever, on a schedule since the embedded MongoDB server enforces
 * no TTL index (PLATFORM-NOTES): GPS logs once older than {@code navswap.queue.retention.gps-logs} (riders'
 * positions are personal data, and nothing here reads old ones: the geofence uses the reported position, the
 * last one lives in Redis) and QR token records once their token expired longer ago than
 * {@code navswap.queue.retention.qr-tokens} (single use is decided on the reservation; the records are the counter's
 * audit trail). Deletes are idempotent, so replicas may run them at once.
 */
@ApplicationScoped
public class HistoryRetention {
    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    /** What one pass removed. */
    public record Removed(long gpsLogs, long qrTokens) {
    }

    private final GpsLogRepository gpsLogs;
    private final QrTokenRepository qrTokens;
    private final QueueConfig.Retention config;

    HistoryRetention(GpsLogRepository gpsLogs, QrTokenRepository qrTokens, QueueConfig config) {
        this.gpsLogs = gpsLogs;
        this.qrTokens = qrTokens;
        this.config = config.retention();
    }

    @Scheduled(every = "${navswap.queue.retention.interval}", delayed = "${navswap.queue.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return removeExpired(Instant.now()).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warn("Removing expired GPS logs and QR token records failed; the next pass retries", failure);
            return Uni.createFrom().voidItem();
        });
    }

    /** Removes what is past its retention at {@code now}. */
    public Uni<Removed> removeExpired(Instant now) {
        return gpsLogs.deleteRecordedBefore(now.minus(config.gpsLogs()))
                .chain(gps -> qrTokens.deleteExpiredBefore(now.minus(config.qrTokens()))
                        .map(qr -> new Removed(gps, qr)))
                .invoke(removed -> {
                    if (removed.gpsLogs() > 0 || removed.qrTokens() > 0) {
                        LOG.infof("Removed %d GPS logs and %d QR token records past their retention",
                                removed.gpsLogs(), removed.qrTokens());
                    }
                });
    }
}
