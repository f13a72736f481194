package io.navswap.ai.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The training command: {@code cd /work/main && mvn -B -q -pl ai-training compile exec:java}.
 * <ul>
 * <li>{@code -Dnavswap.ai.models.dir=DIR} where the {@code .onnx} files go (default: ai-service's bundled
 * models, src/main/resources/models);</li>
 * <li>{@code -Dnavswap.ai.report.file=FILE} the report (default: ai-service/MODEL-REPORT.md);</li>
 * <li>{@code -Dnavswap.training.csv-dir=DIR} read {@code DIR/<model>.csv} instead of generating that model's
 * rows;</li>
 * <li>{@code -Dnavswap.training.export-csv=DIR} also write every model's rows as CSV.</li>
 * </ul>
 * Exits non-zero, writing nothing, if any model fails to beat its fallback on held-out data.
 */
public final class TrainModels {

    private TrainModels() {
    }

    public static void main(String[] args) throws IOException {
        Path modelsDir = Path.of(System.getProperty("navswap.ai.models.dir", "../ai-service/src/main/resources/models"));
        Path report = Path.of(System.getProperty("navswap.ai.report.file", "../ai-service/MODEL-REPORT.md"));
        Optional<Path> csvDir = Optional.ofNullable(System.getProperty("navswap.training.csv-dir"))
                .filter(s -> !s.isBlank()).map(Path::of);
        Optional<Path> exportDir = Optional.ofNullable(System.getProperty("navswap.training.export-csv"))
                .filter(s -> !s.isBlank()).map(Path::of);

        long start = System.nanoTime();
        List<TrainingPipeline.Result> results = TrainingPipeline.run(csvDir);
        List<TrainingPipeline.Result> worse = results.stream()
                .filter(r -> !r.scores().modelBetter(r.spec().metric())).toList();
        for (TrainingPipeline.Result r : results) {
            System.out.printf(Locale.ROOT, "%-20s %-32s model %10.4f  fallback %10.4f  %+7.1f %%  %7.1f KB%n",
                    r.spec().name(), r.spec().metric().label, r.scores().model(), r.scores().fallback(),
                    r.improvementPct(), r.onnx().length / 1024.0);
        }
        if (!worse.isEmpty()) {
            System.err.println("Not written: these models do not beat their fallback: "
                    + worse.stream().map(r -> r.spec().name()).toList());
            System.exit(1);
        }
        Files.createDirectories(modelsDir);
        for (TrainingPipeline.Result r : results) {
            Files.write(modelsDir.resolve(r.spec().file()), r.onnx());
        }
        Files.writeString(report, ModelReport.markdown(results), StandardCharsets.UTF_8);
        if (exportDir.isPresent()) {
            for (TrainingPipeline.Result r : results) {
                CsvData.write(TrainingPipeline.data(r.spec(), csvDir), exportDir.get().resolve(r.spec().name() + ".csv"));
            }
        }
        System.out.printf(Locale.ROOT, "Wrote %d models to %s and %s in %.1f s%n", results.size(),
                modelsDir.toAbsolutePath().normalize(), report.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
    }
}
