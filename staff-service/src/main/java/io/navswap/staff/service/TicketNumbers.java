package io.navswap.staff.service;

import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.repository.CounterRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Ticket numbers {@code TCK-YYYYMMDD-NNNN}: the day in the zone of operations, a per-day atomic counter. */
@ApplicationScoped
public class TicketNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final CounterRepository counters;
    private final ZoneId zone;

    TicketNumbers(CounterRepository counters, StaffConfig config) {
        this.counters = counters;
        this.zone = ZoneId.of(config.zone());
    }

    public Uni<String> next(Instant at) {
        String day = day(at);
        return counters.next(sequence(day)).map(n -> format(day, n));
    }

    public String day(Instant at) {
        return DAY.format(at.atZone(zone));
    }

    public static String sequence(String day) {
        return "ticket:" + day;
    }

    public static String format(String day, long n) {
        return String.format(Locale.ROOT, "TCK-%s-%04d", day, n);
    }
}
