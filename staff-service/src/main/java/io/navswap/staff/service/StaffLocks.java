package io.navswap.staff.service;

import io.navswap.shared.problem.ProblemException;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.repository.StaffLockRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work while holding the assignment locks of some people. Locks are taken in id order (no
 * deadlock between two multi-person diversions) and always released; a short wait absorbs the brief
 * holds of a concurrent change before answering 409 {@code staff-busy}.
 */
@ApplicationScoped
public class StaffLocks {
    private static final int ATTEMPTS = 20;
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final StaffLockRepository locks;
    private final StaffConfig config;
    private final Clock clock;

    StaffLocks(StaffLockRepository locks, StaffConfig config, Clock clock) {
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    public <T> Uni<T> holding(Collection<String> staffIds, Supplier<Uni<T>> work) {
        List<String> ordered = staffIds.stream().distinct().sorted().toList();
        String owner = UUID.randomUUID().toString();
        List<String> held = new ArrayList<>();
        return Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(staffId -> acquire(staffId, owner).invoke(() -> held.add(staffId)))
                .collect().last()
                .chain(ignored -> work.get())
                .eventually(() -> Multi.createFrom().iterable(List.copyOf(held))
                        .onItem().transformToUniAndConcatenate(staffId -> locks.release(staffId, owner))
                        .collect().last());
    }

    private Uni<Void> acquire(String staffId, String owner) {
        return Uni.createFrom().deferred(() -> locks.acquire(staffId, owner, Times.now(clock),
                config.assignments().lockLease()))
                .chain(taken -> taken ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new Busy(staffId)))
                .onFailure(Busy.class).retry().withBackOff(PAUSE, PAUSE).atMost(ATTEMPTS)
                .onFailure(Busy.class).transform(failure -> new ProblemException(409, "staff-busy", "Staff busy",
                        "Another change to the assignments of " + staffId + " is in progress; retry"));
    }

    private static final class Busy extends RuntimeException {
        Busy(String staffId) {
            super(staffId, null, false, false);
        }
    }
}
