package io.navswap.queue.service;

import io.navswap.queue.client.StaffClient;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.repository.StaffDutyCache;
import io.navswap.shared.security.OnDutyMemory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff act only at the station they are on duty at (admin anywhere, without asking). Every fresh answer
 * of staff-service is remembered in Redis; while staff-service cannot answer, the remembered answer for
 * that (station, staff) pair decides for up to 12 h, and without one the scan is refused with 503. A recent
 * confirmation ({@link OnDutyMemory}, fed by {@link StaffClient}) is taken without asking, and renewed in the
 * background when it is due.
 */
@ApplicationScoped
public class StaffDutyCheck {
    private final StaffClient staff;
    private final StaffDutyCache cache;
    private final QueueConfig config;
    private final OnDutyMemory recent;

    StaffDutyCheck(StaffClient staff, StaffDutyCache cache, QueueConfig config, OnDutyMemory recent) {
        this.staff = staff;
        this.cache = cache;
        this.config = config;
        this.recent = recent;
    }

    public Uni<Void> requireOnDuty(Caller caller, String stationId) {
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        String staffId = caller.userId();
        if (recent.confirmed(stationId, staffId, () -> ask(caller, stationId))) {
            return Uni.createFrom().voidItem();
        }
        return ask(caller, stationId)
                .invoke(onDuty -> {
                    if (!onDuty) {
                        throw QueueProblems.staffNotOnDuty(staffId, stationId);
                    }
                })
                .replaceWithVoid();
    }

    /** staff-service's answer, remembered in Redis; while it cannot answer, the answer remembered there. */
    private Uni<Boolean> ask(Caller caller, String stationId) {
        String staffId = caller.userId();
        return staff.onDuty(stationId, staffId, caller.authorization(), caller.requestId())
                .chain(answer -> answer.isPresent()
                        ? cache.remember(stationId, staffId, answer.get(), config.cache().staffDuty())
                                .onFailure().recoverWithNull()
                                .replaceWith(answer.get())
                        : cache.lastAnswer(stationId, staffId)
                                .onFailure().recoverWithNull()
                                .map(cached -> {
                                    if (cached == null) {
                                        throw QueueProblems.staffCheckUnavailable(stationId);
                                    }
                                    return cached;
                                }));
    }
}
