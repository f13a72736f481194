package io.navswap.queue.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.messaging.OutboxEntry;
import io.navswap.queue.domain.GpsLog;
import io.navswap.queue.domain.QrToken;
import io.navswap.queue.repository.GpsLogRepository;
import io.navswap.queue.repository.QrTokenRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * A fixed "now" well before the seed's GPS logs (2026-11-01) and every record other tests write, so that this
     * test removes only its own documents, whatever the date it runs on.
     */
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Inject
    HistoryRetention retention;

    @Inject
    GpsLogRepository gpsLogs;

    @Inject
    QrTokenRepository qrTokens;

    @Test
    void historyPastItsNinetyDaysIsRemovedAndEverythingYoungerOrUnpublishedStays() {
        String run = "ret-" + System.nanoTime();
        gpsLogs.insert(gpsLog(run + "-old", NOW.minus(Duration.ofDays(91)), false)).await().atMost(WAIT);
        gpsLogs.insert(gpsLog(run + "-unpublished", NOW.minus(Duration.ofDays(91)), true)).await().atMost(WAIT);
        gpsLogs.insert(gpsLog(run + "-young", NOW.minus(Duration.ofDays(89)), false)).await().atMost(WAIT);
        qrTokens.insert(qrToken(run + "-old", NOW.minus(Duration.ofDays(91)))).await().atMost(WAIT);
        qrTokens.insert(qrToken(run + "-young", NOW.minus(Duration.ofDays(89)))).await().atMost(WAIT);

        HistoryRetention.Removed removed = retention.removeExpired(NOW).await().atMost(WAIT);

        assertEquals(new HistoryRetention.Removed(1, 1), removed);
        assertNull(gpsLogs.findById(run + "-old").await().atMost(WAIT));
        assertNotNull(gpsLogs.findById(run + "-unpublished").await().atMost(WAIT),
                "a log whose event is not published yet stays");
        assertNotNull(gpsLogs.findById(run + "-young").await().atMost(WAIT));
        assertNull(qrTokens.findById(run + "-old").await().atMost(WAIT));
        assertNotNull(qrTokens.findById(run + "-young").await().atMost(WAIT));
        gpsLogs.deleteById(run + "-unpublished").await().atMost(WAIT);
    }

    @Test
    void theDeletesByAgeHaveTheirIndexes() {
        assertTrue(indexNames(gpsLogs.mongoCollection().listIndexes()).contains("recorded"));
        assertTrue(indexNames(qrTokens.mongoCollection().listIndexes()).contains("expires"));
    }

    private static List<String> indexNames(Multi<Document> indexes) {
        return indexes.collect().asList().await().atMost(WAIT).stream().map(index -> index.getString("name")).toList();
    }

    private static GpsLog gpsLog(String id, Instant recordedAt, boolean unpublished) {
        GpsLog log = new GpsLog();
        log.id = id;
        log.userId = "usr-c-retention";
        log.latitude = 12.97;
        log.longitude = 77.59;
        log.accuracy = 10.0;
        log.recordedAt = recordedAt;
        if (unpublished) {
            // A topic no consumer reads: the relay may publish it without disturbing other tests.
            log.outbox = List.of(new OutboxEntry("evt-" + id, "navswap.retention-test", id, "location.updated", "{}",
                    recordedAt));
        }
        return log;
    }

    private static QrToken qrToken(String nonce, Instant expiresAt) {
        QrToken token = new QrToken();
        token.id = nonce;
        token.reservationId = "RES-" + nonce;
        token.userId = "usr-c-retention";
        token.stationId = "ST-BLR-001";
        token.kid = "k2";
        token.issuedAt = expiresAt.minus(Duration.ofMinutes(15));
        token.expiresAt = expiresAt;
        return token;
    }
}
