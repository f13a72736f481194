package io.navswap.ai.service;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import io.navswap.ai.domain.FeatureRow;
import io.navswap.ai.domain.Inference;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * In-process inference latency per model, as the service runs it ({@link ModelStore#infer}: feature checks,
 * tensor creation, session run, output checks), one row per call on one thread with the service's global
 * thread pool settings. Prints numbers, asserts nothing. Run:
 * {@code mvn -B -q -f ai-service/pom.xml test -Dtest=InferenceBenchmark -Dnavswap.bench=true}
 * ({@code -Dnavswap.bench.iterations=N}, default 20000).
 */
@EnabledIfSystemProperty(named = "navswap.bench", matches = "true")
class InferenceBenchmark {

    /** A plausible row per model (tree depth is fixed, so timing hardly depends on the values). */
    private static final Map<String, float[]> ROWS = Map.ofEntries(
            Map.entry("load", new float[] { 0, 30, 18, 2, 0, 0, 11 }),
            Map.entry("fault", new float[] { 72.5f, 1800, 44, 1 }),
            Map.entry("action", new float[] { 14, 20, 24, 1, 16, 0 }),
            Map.entry("traffic", new float[] { 1, 24, 9, 1, 0, 0, 7.5f }),
            Map.entry("micro-traffic", new float[] { 28.62f, 77.21f, 1.2f, 9, 3 }),
            Map.entry("arrival", new float[] { 2, 9, 2, 10, 0, 2 }),
            Map.entry("battery-trend", new float[] { 1500, 84, 38, 0.6f, 0.8f }),
            Map.entry("rebalancing", new float[] { 24, 2, 1, 14, 4, 17 }),
            Map.entry("diversion", new float[] { 1, 30, 12, 30 }),
            Map.entry("stock-order", new float[] { 24, 3, 2, 9, 3, 17 }),
            Map.entry("partner-allocation", new float[] { 4.2f, 18, 25, 0.17f, 1.5f, 8 }),
            Map.entry("energy-stability", new float[] { 0.6f, 0.12f, 1.3f, 1.5f, 38, 22 }),
            Map.entry("station-reliability", new float[] { 96.5f, 3, 88, 30, 45, 140 }));

    @Test
    void printInferenceLatencyPerModel() throws Exception {
        int iterations = Integer.getInteger("navswap.bench.iterations", 20_000);
        OrtEnvironment env;
        try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
            threading.setGlobalIntraOpNumThreads(1);
            threading.setGlobalInterOpNumThreads(1);
            threading.setGlobalSpinControl(false);
            env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "bench", threading);
        }
        try (ModelStore store = new ModelStore(env, ModelStore.sessionOptions(), ModelRegistry.bundledModels(),
                Optional.empty(), Set.of())) {
            store.reload();
            System.out.printf(Locale.ROOT, "%nIn-process inference, 1 row per call, %d calls per model after warm-up%n",
                    iterations);
            System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s%n", "model", "p50 us", "p99 us", "mean us", "source");
            for (ModelSpec spec : ModelCatalog.all()) {
                List<FeatureRow> rows = List.of(row(spec));
                for (int i = 0; i < 2_000; i++) {
                    store.infer(spec, rows);
                }
                long[] nanos = new long[iterations];
                Inference last = null;
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    last = store.infer(spec, rows);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                double mean = Arrays.stream(nanos).average().orElse(0);
                System.out.printf(Locale.ROOT, "%-22s %10.1f %10.1f %10.1f %10s%n", spec.name(),
                        nanos[iterations / 2] / 1e3, nanos[(int) (iterations * 0.99)] / 1e3, mean / 1e3,
                        last.source().json());
            }
            List<FeatureRow> day = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                float[] r = ROWS.get("traffic").clone();
                r[2] = h;
                day.add(row(ModelCatalog.TRAFFIC, r));
            }
            long[] nanos = new long[iterations / 4];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                store.infer(ModelCatalog.TRAFFIC, day);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-22s %10.1f %10.1f  (24 rows per call)%n", "traffic x24",
                    nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3);
        }
    }

    private static FeatureRow row(ModelSpec spec) {
        return row(spec, ROWS.get(spec.name()));
    }

    private static FeatureRow row(ModelSpec spec, float[] values) {
        FeatureRow row = FeatureRow.of(spec);
        for (int i = 0; i < values.length; i++) {
            row.set(spec.features().get(i), values[i]);
        }
        return row;
    }
}
