package io.navswap.shared.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OnDutyMemoryTest {

    @Test
    void confirmationIsRememberedPerStationAndStaff() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(30));
        assertFalse(memory.confirmed("ST-1", "usr-s-1"), "nothing known yet");
        memory.answered("ST-1", "usr-s-1", true, null);
        assertTrue(memory.confirmed("ST-1", "usr-s-1"));
        assertFalse(memory.confirmed("ST-2", "usr-s-1"), "another station");
        assertFalse(memory.confirmed("ST-1", "usr-s-2"), "another staff member");
    }

    @Test
    void refusalForgetsAnEarlierConfirmation() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofSeconds(30));
        memory.answered("ST-1", "usr-s-1", true, null);
        memory.answered("ST-1", "usr-s-1", false, null);
        assertFalse(memory.confirmed("ST-1", "usr-s-1"));
    }

    @Test
    void confirmationExpires() throws InterruptedException {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofMillis(50));
        memory.answered("ST-1", "usr-s-1", true, null);
        assertTrue(memory.confirmed("ST-1", "usr-s-1"));
        Thread.sleep(80);
        assertFalse(memory.confirmed("ST-1", "usr-s-1"));
    }

    @Test
    void confirmationEndsWithTheDuty() throws InterruptedException {
        OnDutyMemory memory = new OnDutyMemory(Duration.ofMinutes(5));
        memory.answered("ST-1", "usr-s-1", true, Instant.now().plusMillis(50));
        assertTrue(memory.confirmed("ST-1", "usr-s-1"));
        Thread.sleep(80);
        assertFalse(memory.confirmed("ST-1", "usr-s-1"), "the shift is over even though five minutes are not");
        memory.answered("ST-1", "usr-s-1", true, Instant.now().minusSeconds(1));
        assertFalse(memory.confirmed("ST-1", "usr-s-1"), "a duty that already ended is not remembered");
    }

    @Test
    void zeroTurnsTheMemoryOff() {
        OnDutyMemory memory = new OnDutyMemory(Duration.ZERO);
        memory.answered("ST-1", "usr-s-1", true, null);
        assertFalse(memory.confirmed("ST-1", "usr-s-1"));
    }
}
