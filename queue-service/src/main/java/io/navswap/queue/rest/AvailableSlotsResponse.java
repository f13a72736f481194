package io.navswap.queue.rest;

import io.navswap.queue.service.QueueStatusService.Slots;
import java.time.Instant;
import java.util.List;

public record AvailableSlotsResponse(String stationId, int capacity, int active, int available, List<Slot> slots,
        Instant asOf) {

    public record Slot(int position, int estimatedWaitMinutes, Instant estimatedTime) {
    }

    static AvailableSlotsResponse of(Slots slots) {
        return new AvailableSlotsResponse(slots.stationId(), slots.capacity(), slots.active(), slots.available(),
                slots.slots().stream().map(s -> new Slot(s.position(), s.waitMinutes(), s.estimatedTime())).toList(),
                slots.asOf());
    }
}
