package io.navswap.station.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationListCopiesTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T10:00:00Z"));
    private StationListCopies copies;

    @BeforeEach
    void listening() {
        copies = new StationListCopies(Duration.ofMinutes(5), now::get);
        copies.listening(true);
    }

    @Test
    void keepsWhatARedisReadFoundUntilItExpires() {
        copies.keep("_all", 3, "[1]", copies.mark());
        assertEquals("[1]", copies.get("_all"));
        assertNull(copies.get("city:pune"), "other scopes have their own copies");
        now.set(now.get().plus(Duration.ofMinutes(5)));
        assertNull(copies.get("_all"), "no copy outlives the Redis entry it came from");
    }

    @Test
    void aReadThatRacedARenewalIsNotKept() {
        long mark = copies.mark();
        copies.renewed("_all", 4, "[new]");
        copies.keep("_all", 3, "[old]", mark);
        assertEquals("[new]", copies.get("_all"));

        mark = copies.mark();
        copies.stale("city:delhi");
        copies.keep("city:delhi", 3, "[old]", mark);
        assertNull(copies.get("city:delhi"), "another replica renewed while this read ran");
    }

    @Test
    void anAnnouncementDropsTheCopy() {
        copies.keep("_all", 3, "[1]", copies.mark());
        copies.stale("_all");
        assertNull(copies.get("_all"));
    }

    @Test
    void aLateOlderRenewalOnlyDropsTheCopy() {
        copies.renewed("_all", 6, "[six]");
        copies.renewed("_all", 5, "[five]");
        assertNull(copies.get("_all"), "generation 5 finished after 6 (or Redis was flushed): ask Redis");
        copies.renewed("_all", 7, "[seven]");
        assertEquals("[seven]", copies.get("_all"));
    }

    @Test
    void nothingIsKeptWhileAnnouncementsAreNotHeard() {
        copies.keep("_all", 3, "[1]", copies.mark());
        copies.listening(false);
        assertNull(copies.get("_all"), "announcements may have been missed");
        copies.keep("_all", 3, "[1]", copies.mark());
        copies.renewed("city:delhi", 9, "[2]");
        assertNull(copies.get("_all"));
        assertNull(copies.get("city:delhi"));

        long before = copies.mark();
        copies.listening(true);
        copies.keep("_all", 3, "[1]", before);
        assertNull(copies.get("_all"), "a read begun while deaf is not kept after the subscription is back");
        copies.keep("_all", 3, "[1]", copies.mark());
        assertEquals("[1]", copies.get("_all"));
    }
}
