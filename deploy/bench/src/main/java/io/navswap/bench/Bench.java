package io.navswap.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code journeys [count] [per-second] [warm-up]}: complete swap journeys through the gateway at a fixed start
 * rate, after {@code warm-up} unmeasured journeys at the same rate.
 * {@code ai [requests-per-endpoint] [per-second] [warm-up]}: ai-service's 13 prediction endpoints through the
 * gateway at a fixed total rate, after {@code warm-up} unmeasured requests per endpoint (see {@link AiLoad}).
 * The warm-up lets the services' JIT compilers finish the hot paths: measured before that, p99 shows compiler
 * threads competing for the two cores rather than the request path.
 * The gateway is {@code NAVSWAP_GATEWAY_URL} (default http://localhost:8080) of a suite started with
 * {@code deploy/navswap up}.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "journeys";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        String gatewayUrl = System.getenv().getOrDefault("NAVSWAP_GATEWAY_URL", "http://localhost:8080");
        if ("ai".equals(mode)) {
            ai(gatewayUrl, args.length > 1 ? count : 200, args.length > 2 ? perSecond : 20.0,
                    args.length > 3 ? Integer.parseInt(args[3]) : 100);
            return;
        }
        if (!"journeys".equals(mode)) {
            System.err.println("usage: Bench journeys [count] [per-second] [warm-up]"
                    + " | Bench ai [requests-per-endpoint] [per-second] [warm-up]");
            System.exit(2);
        }
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        // Logins (bcrypt, by design slow) and the warm-up journeys are not measured.
        GatewayClient unmeasured = new GatewayClient(gatewayUrl, new Latencies());
        SwapJourney.logInEveryone(unmeasured);
        System.out.printf(Locale.ROOT, "warm-up: %d journeys (not measured)%n", warmUp);
        SwapJourney warmJourney = new SwapJourney(unmeasured);
        int warmUpFailed = runJourneys(warmJourney, 0, warmUp, perSecond);
        System.out.printf(Locale.ROOT, "warm-up: %d journeys failed%n", warmUpFailed);
        Latencies latencies = new Latencies();
        SwapJourney journey = warmJourney.measuredBy(new GatewayClient(gatewayUrl, latencies, unmeasured.tokens()));
        long start = System.nanoTime();
        int failed = runJourneys(journey, warmUp, count, perSecond);
        double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
        latencies.print();
        System.out.printf(Locale.ROOT, "%njourneys: %d in %.1f s = %.2f journeys/s (target %.2f/s); failed journeys: %d;"
                + " failed requests: %d%n", count, seconds, count / seconds, perSecond, failed,
                latencies.errorCount());
    }

    /** Starts journeys {@code first .. first+count-1} at a fixed rate; answers how many failed. */
    private static int runJourneys(SwapJourney journey, int first, int count, double perSecond) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool();
        List<Future<?>> runs = new ArrayList<>();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int number = first + n;
            runs.add(workers.submit(() -> {
                if (!journey.run(number)) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        workers.shutdown();
        return failed.get();
    }

    private static void ai(String gatewayUrl, int perEndpoint, double perSecond, int warmUp) throws Exception {
        // Logins and the warm-up go through their own client, so only the measured calls reach the table.
        GatewayClient unmeasured = new GatewayClient(gatewayUrl, new Latencies());
        List<String> tokens = AiLoad.riderTokens(unmeasured);
        System.out.printf(Locale.ROOT, "warm-up: %d requests per endpoint (not measured)%n", warmUp);
        new AiLoad(unmeasured, tokens).run(warmUp, perSecond);
        Latencies latencies = new Latencies();
        new AiLoad(new GatewayClient(gatewayUrl, latencies), tokens).run(perEndpoint, perSecond);
        latencies.print();
        System.out.printf(Locale.ROOT, "failed requests: %d%n", latencies.errorCount());
    }
}
