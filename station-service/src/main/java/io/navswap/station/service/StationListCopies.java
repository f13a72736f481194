package io.navswap.station.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * This replica's copies of the cached station lists (the JSON kept in Redis), so that reading a list needs no
 * round trip. Copies are kept only while this replica hears the renewal announcements of the others (see
 * {@link StationListAnnouncements}): an announcement missed would leave a copy stale, so while announcements may be
 * missed nothing is kept.
 *
 * <p>Every change seen (an announcement, a renewal by this replica or its failure, the subscription coming or
 * going) advances {@link #mark()}. A read that went to Redis keeps its answer only if nothing changed while it
 * ran: an answer read before a renewal is never kept after it.
 */
final class StationListCopies {
    private record Copy(String json, long generation, Instant expires) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Supplier<Instant> clock;
    private long changes;
    private volatile boolean listening;

    StationListCopies(Duration ttl, Supplier<Instant> clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The list of this scope, or {@code null} when there is no current copy. */
    String get(String scope) {
        if (!listening) {
            return null;
        }
        Copy copy = copies.get(scope);
        return copy == null || !clock.get().isBefore(copy.expires()) ? null : copy.json();
    }

    /** Where the changes stand before a read goes to Redis: pass it to {@link #keep}. */
    synchronized long mark() {
        return changes;
    }

    /** Keeps what a read found in Redis (generation {@code generation}), unless anything changed since {@code mark}. */
    synchronized void keep(String scope, long generation, String json, long mark) {
        if (listening && changes == mark) {
            copies.put(scope, new Copy(json, generation, clock.get().plus(ttl)));
        }
    }

    /**
     * This replica renewed the list of a scope: its new generation replaces the copy. An older one (a slower
     * renewal finishing late, or counters reset by a Redis flush) only drops it, and the next read asks Redis.
     */
    synchronized void renewed(String scope, long generation, String json) {
        changes++;
        Copy current = copies.get(scope);
        if (listening && (current == null || current.generation() < generation)) {
            copies.put(scope, new Copy(json, generation, clock.get().plus(ttl)));
        } else {
            copies.remove(scope);
        }
    }

    /** The list of a scope changed and this replica lacks the new one (renewed elsewhere, or its renewal failed). */
    synchronized void stale(String scope) {
        changes++;
        copies.remove(scope);
    }

    /** Announcements are heard (again) or no longer heard: in both cases nothing kept so far can be trusted. */
    synchronized void listening(boolean heard) {
        changes++;
        copies.clear();
        listening = heard;
    }
}
