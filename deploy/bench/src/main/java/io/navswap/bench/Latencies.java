package io.navswap.bench;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency samples per endpoint, and the errors seen; printed as a percentile table, followed by each endpoint's
 * slowest calls with their request ids and the time they were sent, to find them in the services' logs.
 */
final class Latencies {
    private static final int SLOWEST_SHOWN = 3;

    /** One call: how long it took, the {@code X-Request-Id} it carried, and when it was sent. */
    record Sample(long nanos, String requestId, LocalTime sent) {
    }

    private final Map<String, List<Sample>> samples = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Map<String, List<String>> errorSamples = new TreeMap<>();

    synchronized void record(String endpoint, Sample sample, boolean ok, String failure) {
        samples.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(sample);
        if (!ok) {
            errors.merge(endpoint, 1, Integer::sum);
            List<String> kept = errorSamples.computeIfAbsent(endpoint, e -> new ArrayList<>());
            if (kept.size() < 3) {
                kept.add(failure);
            }
        }
    }

    synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized void print() {
        System.out.printf(Locale.ROOT, "%-34s %7s %7s %9s %9s %9s %9s%n", "endpoint", "count", "errors", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        Map<String, List<Sample>> slowest = new TreeMap<>();
        samples.forEach((endpoint, values) -> {
            List<Sample> sorted = values.stream().sorted(Comparator.comparingLong(Sample::nanos)).toList();
            System.out.printf(Locale.ROOT, "%-34s %7d %7d %9.2f %9.2f %9.2f %9.2f%n", endpoint, sorted.size(),
                    errors.getOrDefault(endpoint, 0), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                    ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1).nanos()));
            List<Sample> slowestFirst = new ArrayList<>(sorted.subList(Math.max(0, sorted.size() - SLOWEST_SHOWN),
                    sorted.size()));
            Collections.reverse(slowestFirst);
            slowest.put(endpoint, slowestFirst);
        });
        slowest.forEach((endpoint, calls) -> System.out.printf(Locale.ROOT, "  slowest %s: %s%n", endpoint,
                String.join(", ", calls.stream().map(call -> String.format(Locale.ROOT, "%.2f ms %s at %s",
                        ms(call.nanos()), call.requestId(), call.sent())).toList())));
        errorSamples.forEach((endpoint, failures) -> failures.forEach(failure ->
                System.out.printf(Locale.ROOT, "  error sample %s: %s%n", endpoint, failure)));
    }

    private static long percentile(List<Sample> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))).nanos();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
