package io.navswap.queue.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.queue.service.QueueStatusService.Entry;
import io.navswap.queue.service.QueueStatusService.Status;
import java.time.Instant;
import java.util.List;

/**
 * Staff, admin and services get {@code entries} (the ordered live list); a rider gets {@code total} and,
 * when queued here, {@code your_position}, {@code your_queue_id}, {@code your_status} and its wait.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueStatusResponse(
        String stationId,
        int capacity,
        int total,
        double minutesPerSwap,
        List<QueueEntry> entries,
        Integer yourPosition,
        String yourQueueId,
        String yourStatus,
        Integer estimatedWaitMinutes,
        Instant asOf) {

    public record QueueEntry(int position, String queueId, String userId, String userName, String status,
            Instant confirmedAt, int estimatedWaitMinutes) {
    }

    static QueueStatusResponse of(Status status) {
        List<QueueEntry> entries = status.entries() == null ? null
                : status.entries().stream().map(QueueStatusResponse::entry).toList();
        Entry own = status.own();
        return new QueueStatusResponse(status.stationId(), status.capacity(), status.total(), status.minutesPerSwap(),
                entries, own == null ? null : own.position(), own == null ? null : own.reservation().id,
                own == null ? null : own.reservation().status.wire(), own == null ? null : own.waitMinutes(),
                status.asOf());
    }

    private static QueueEntry entry(Entry e) {
        return new QueueEntry(e.position(), e.reservation().id, e.reservation().userId, e.reservation().userName,
                e.reservation().status.wire(), e.reservation().confirmedAt, e.waitMinutes());
    }
}
