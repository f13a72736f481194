package io.navswap.queue.service;

import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.StationSlotRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read side of the queues: the ordered live list (whole for staff/admin/services, own position and total for
 * a rider) and the next free slots. Positions are ranks in the live queue, so they move up as soon as
 * someone ahead completes, cancels or expires.
 */
@ApplicationScoped
public class QueueStatusService {

    public record Entry(int position, Reservation reservation, int waitMinutes) {
    }

    /** {@code entries} only for callers who may see the whole queue; {@code own} only for a rider in it. */
    public record Status(String stationId, int capacity, int total, double minutesPerSwap, List<Entry> entries,
            Entry own, Instant asOf) {
    }

    public record Slot(int position, int waitMinutes, Instant estimatedTime) {
    }

    public record Slots(String stationId, int capacity, int active, int available, List<Slot> slots, Instant asOf) {
    }

    private final LiveQueue liveQueue;
    private final ReservationRepository reservations;
    private final StationSlotRepository slotCounts;
    private final WaitEstimator waits;
    private final QueueConfig config;

    QueueStatusService(LiveQueue liveQueue, ReservationRepository reservations, StationSlotRepository slotCounts,
            WaitEstimator waits, QueueConfig config) {
        this.liveQueue = liveQueue;
        this.reservations = reservations;
        this.slotCounts = slotCounts;
        this.waits = waits;
        this.config = config;
    }

    public Uni<Status> status(Caller caller, String stationId) {
        return Uni.combine().all().unis(liveQueue.ordered(stationId), waits.cachedMinutesPerSwap(stationId)).asTuple()
                .chain(both -> caller.seesWholeQueues()
                        ? wholeQueue(stationId, both.getItem1(), both.getItem2())
                        : ownPosition(caller, stationId, both.getItem1(), both.getItem2()));
    }

    private Uni<Status> wholeQueue(String stationId, List<String> ordered, double minutesPerSwap) {
        return reservations.findByIdIn(ordered).chain(found -> {
            Map<String, Reservation> byId = found.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
            List<Entry> entries = new ArrayList<>();
            Set<String> stale = new HashSet<>();
            for (String id : ordered) {
                Reservation r = byId.get(id);
                if (r == null || !r.status.isLive()) {
                    stale.add(id);
                    continue;
                }
                int position = entries.size() + 1;
                entries.add(new Entry(position, r, WaitEstimator.waitMinutes(position, minutesPerSwap)));
            }
            Status status = new Status(stationId, config.stationCapacity(), entries.size(), minutesPerSwap, entries,
                    null, Instant.now());
            return stale.isEmpty() ? Uni.createFrom().item(status)
                    : liveQueue.removeStale(stationId, stale).replaceWith(status);
        });
    }

    private Uni<Status> ownPosition(Caller caller, String stationId, List<String> ordered, double minutesPerSwap) {
        return reservations.findActiveByUser(caller.userId()).chain(mine -> {
            if (mine == null || !stationId.equals(mine.stationId)) {
                return Uni.createFrom().item(new Status(stationId, config.stationCapacity(), ordered.size(),
                        minutesPerSwap, null, null, Instant.now()));
            }
            int index = ordered.indexOf(mine.id);
            if (index >= 0) {
                return Uni.createFrom().item(ownStatus(stationId, ordered, index, mine, minutesPerSwap));
            }
            // Live in Mongo but missing in Redis: repair the station's queue, and answer from Mongo, the record.
            return liveQueue.rebuild(stationId).onFailure().recoverWithNull()
                    .chain(() -> reservations.findLiveByStation(stationId))
                    .map(live -> {
                        List<String> fromMongo = live.stream().map(r -> r.id).toList();
                        return ownStatus(stationId, fromMongo, fromMongo.indexOf(mine.id), mine, minutesPerSwap);
                    });
        });
    }

    private Status ownStatus(String stationId, List<String> ordered, int index, Reservation mine, double minutesPerSwap) {
        int position = index + 1;
        Entry own = new Entry(position, mine, WaitEstimator.waitMinutes(position, minutesPerSwap));
        return new Status(stationId, config.stationCapacity(), Math.max(ordered.size(), position), minutesPerSwap,
                null, own, Instant.now());
    }

    /** The next free places in line (at most {@code available-slots}), each with its estimated time. */
    public Uni<Slots> availableSlots(String stationId) {
        return Uni.combine().all().unis(slotCounts.active(stationId), waits.cachedMinutesPerSwap(stationId)).asTuple()
                .map(both -> {
                    int active = both.getItem1();
                    int capacity = config.stationCapacity();
                    int available = Math.max(0, capacity - active);
                    Instant now = Instant.now();
                    List<Slot> slots = new ArrayList<>();
                    for (int k = 1; k <= Math.min(config.availableSlots(), available); k++) {
                        int position = active + k;
                        int wait = WaitEstimator.waitMinutes(position, both.getItem2());
                        slots.add(new Slot(position, wait, now.plus(Duration.ofMinutes(wait))));
                    }
                    return new Slots(stationId, capacity, active, available, slots, now);
                });
    }
}
