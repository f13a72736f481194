package io.navswap.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OnDutyMemoryTest {
    /** Renewals scheduled by the memory under test, with their delays; run by {@link #runScheduled}. */
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final OnDutyMemory.Later later = (delayNanos, task) -> {
        delays.add(delayNanos);
        scheduled.add(task);
    };
    /** Renewals asked through {@link #stillOnDuty}; a thrown assertion would only reach the memory's log. */
    private final AtomicInteger renewals = new AtomicInteger();
    private final Supplier<Uni<Boolean>> stillOnDuty = () -> {
        renewals.incrementAndGet();
        return Uni.createFrom().item(true);
    };

    @Test
    void confirmationIsRememberedPerStationAndStaff() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(30));
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty), "nothing known yet");
        memory.answered("ST-1", "usr-s-1", true, null);
        assertTrue(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
        assertFalse(memory.confirmed("ST-2", "usr-s-1", stillOnDuty), "another station");
        assertFalse(memory.confirmed("ST-1", "usr-s-2", stillOnDuty), "another staff member");
        assertEquals(0, renewals.get(), "a fresh confirmation is not renewed");
    }

    @Test
    void refusalForgetsAnEarlierConfirmation() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(30));
        memory.answered("ST-1", "usr-s-1", true, null);
        memory.answered("ST-1", "usr-s-1", false, null);
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
    }

    @Test
    void confirmationExpires() throws InterruptedException {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofMillis(50));
        memory.answered("ST-1", "usr-s-1", true, null);
        assertTrue(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
        Thread.sleep(80);
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
    }

    @Test
    void confirmationEndsWithTheDuty() throws InterruptedException {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofMinutes(5));
        memory.answered("ST-1", "usr-s-1", true, Instant.now().plusMillis(50));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
        Thread.sleep(80);
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty),
                "the shift is over even though five minutes are not");
        memory.answered("ST-1", "usr-s-1", true, Instant.now().minusSeconds(1));
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty), "a duty that already ended is not remembered");
    }

    @Test
    void zeroTurnsTheMemoryOff() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ZERO);
        memory.answered("ST-1", "usr-s-1", true, null);
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
    }

    @Test
    void aConfirmationInItsLastFifthIsRenewedInTheBackgroundOnceAtATime() {
        AtomicLong clock = new AtomicLong();
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(100), clock::get, later);
        List<UniEmitter<? super Boolean>> asked = new ArrayList<>();
        Supplier<Uni<Boolean>> ask = () -> Uni.createFrom().emitter(asked::add);
        memory.answered("ST-1", "usr-s-1", true, null);

        clock.set(seconds(79));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask));
        assertEquals(0, asked.size(), "more than a fifth of its time left: not asked");

        clock.set(seconds(81));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask), "the confirmation counts while it is renewed");
        assertEquals(0, asked.size(), "not asked on the check that noticed it is due");
        assertEquals(1, delays.size());
        assertTrue(delays.get(0) >= seconds(19) / 10 && delays.get(0) <= seconds(19) / 2,
                "asked between a tenth and half of the 19 s left: " + delays.get(0));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask));
        runScheduled();
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask));
        assertEquals(1, asked.size(), "due: asked once, and not again while that question is open");
        assertEquals(1, delays.size(), "nor scheduled again");

        memory.answered("ST-1", "usr-s-1", true, null);
        asked.get(0).complete(true);
        clock.set(seconds(150));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask), "renewed at 81 s: counts past the first 100 s");
        assertEquals(1, asked.size(), "the renewed confirmation is fresh again");

        clock.set(seconds(162));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", ask));
        runScheduled();
        assertEquals(2, asked.size(), "its own last fifth starts at 81 + 80 s");
    }

    @Test
    void aFailedRenewalLeavesTheConfirmationAndLetsTheNextCheckAskAgain() {
        AtomicLong clock = new AtomicLong();
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(100), clock::get, later);
        List<String> asked = new ArrayList<>();
        Supplier<Uni<Boolean>> failing = () -> {
            asked.add("asked");
            return Uni.createFrom().failure(new IllegalStateException("staff-service unreachable"));
        };
        memory.answered("ST-1", "usr-s-1", true, null);
        clock.set(seconds(90));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", failing), "still counts until its own end");
        runScheduled();
        assertTrue(memory.confirmed("ST-1", "usr-s-1", failing));
        runScheduled();
        assertEquals(2, asked.size(), "each failed question ends, so the next check asks again");
        clock.set(seconds(100));
        assertFalse(memory.confirmed("ST-1", "usr-s-1", failing), "never renewed: ends on time");
        runScheduled();
        assertEquals(2, asked.size(), "an ended confirmation is not renewed in the background");
    }

    @Test
    void aQuestionThatThrowsEndsLikeAFailedOne() {
        AtomicLong clock = new AtomicLong();
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(100), clock::get, later);
        List<String> asked = new ArrayList<>();
        Supplier<Uni<Boolean>> throwing = () -> {
            asked.add("asked");
            throw new IllegalStateException("no client");
        };
        memory.answered("ST-1", "usr-s-1", true, null);
        clock.set(seconds(90));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", throwing), "a thrown question does not fail the check");
        runScheduled();
        assertTrue(memory.confirmed("ST-1", "usr-s-1", throwing));
        runScheduled();
        assertEquals(2, asked.size(), "the thrown question ended, so the next check asks again");
    }

    @Test
    void aRefusalOnRenewalEndsTheConfirmationAtOnce() {
        AtomicLong clock = new AtomicLong();
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(100), clock::get, later);
        memory.answered("ST-1", "usr-s-1", true, null);
        clock.set(seconds(85));
        // A "no" that never reached answered(): a 404 (unknown staff member), or an answer remembered elsewhere.
        assertTrue(memory.confirmed("ST-1", "usr-s-1", () -> Uni.createFrom().item(false)),
                "the check that noticed the renewal due had a confirmation that counted");
        runScheduled();
        assertFalse(memory.confirmed("ST-1", "usr-s-1", stillOnDuty),
                "taken off duty: the next scan asks staff-service");
        assertEquals(0, renewals.get(), "an ended confirmation is not renewed");
    }

    @Test
    void aRenewalThatCannotBeScheduledLeavesThePairToTheNextCheck() {
        AtomicLong clock = new AtomicLong();
        AtomicBoolean shuttingDown = new AtomicBoolean(true);
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(100), clock::get, (delayNanos, task) -> {
            if (shuttingDown.get()) {
                throw new RejectedExecutionException("worker pool shut down");
            }
            later.run(delayNanos, task);
        });
        memory.answered("ST-1", "usr-s-1", true, null);
        clock.set(seconds(90));
        assertTrue(memory.confirmed("ST-1", "usr-s-1", stillOnDuty), "still counts until its own end");
        shuttingDown.set(false);
        assertTrue(memory.confirmed("ST-1", "usr-s-1", stillOnDuty));
        runScheduled();
        assertEquals(1, renewals.get(), "the refused schedule left the pair free: the next check renewed it");
    }

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    private static long seconds(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }
}
