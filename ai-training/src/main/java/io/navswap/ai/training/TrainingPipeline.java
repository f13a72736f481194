package io.navswap.ai.training;

import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelMetadata;
import io.navswap.ai.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Data, training, held-out evaluation and ONNX export of every model in {@link ModelCatalog} order. */
final class TrainingPipeline {
    private static final XgbTrainer.Settings TREES = new XgbTrainer.Settings(120, 4, 0.1, 2);
    /** Five classes make five trees per round: fewer, faster-learning rounds keep the file small. */
    private static final XgbTrainer.Settings CLASSIFIER_TREES = new XgbTrainer.Settings(60, 4, 0.2, 1);

    /**
     * @param heldOut the rows the scores were measured on; {@code predictions} are the trainer's own
     *                predictions for them (parity tests compare onnxruntime against these)
     */
    record Result(ModelSpec spec, byte[] onnx, String trainer, String data, int trainingRows, Dataset heldOut,
            float[][] predictions, Evaluation.Scores scores) {

        String sha256() {
            return CsvData.sha256(onnx);
        }

        double improvementPct() {
            return scores.improvementPct(spec.metric());
        }
    }

    private TrainingPipeline() {
    }

    /** Trains every model; a CSV file {@code <name>.csv} in {@code csvDir} replaces that model's generator. */
    static List<Result> run(Optional<Path> csvDir) {
        List<Result> results = new ArrayList<>();
        for (ModelSpec spec : ModelCatalog.all()) {
            results.add(train(spec, data(spec, csvDir)));
        }
        return results;
    }

    static Dataset data(ModelSpec spec, Optional<Path> csvDir) {
        Optional<Path> csv = csvDir.map(dir -> dir.resolve(spec.name() + ".csv")).filter(Files::isRegularFile);
        return csv.map(file -> CsvData.read(spec, file)).orElseGet(() -> SyntheticData.generate(spec));
    }

    static Result train(ModelSpec spec, Dataset all) {
        Dataset training = all.training();
        Dataset heldOut = all.heldOutRows();
        if (training.rows() == 0 || heldOut.rows() == 0) {
            throw new IllegalArgumentException(spec.name() + ": need rows in both the training and held-out groups");
        }
        TrainedModel model = linear(spec) ? RidgeTrainer.train(training)
                : XgbTrainer.train(training, spec.kind() == ModelSpec.Kind.MULTICLASS ? CLASSIFIER_TREES : TREES);
        float[][] predictions = model.predict(heldOut.x());
        Evaluation.Scores scores = Evaluation.score(heldOut, predictions);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ModelMetadata.NAME, spec.name());
        metadata.put(ModelMetadata.VERSION, spec.version());
        metadata.put(ModelMetadata.KIND, spec.kind().name().toLowerCase(Locale.ROOT));
        metadata.put(ModelMetadata.FEATURES, String.join(",", spec.features()));
        metadata.put(ModelMetadata.OUTPUTS, spec.output());
        metadata.put(ModelMetadata.CLASSES, String.join(",", spec.classes()));
        metadata.put(ModelMetadata.TRAINER, model.trainer());
        metadata.put(ModelMetadata.DATA, all.source());
        metadata.put(ModelMetadata.TRAINING_ROWS, Integer.toString(training.rows()));
        metadata.put(ModelMetadata.HELD_OUT_ROWS, Integer.toString(heldOut.rows()));
        metadata.put(ModelMetadata.METRIC, spec.metric().key());
        metadata.put(ModelMetadata.METRIC_MODEL, format(scores.model()));
        metadata.put(ModelMetadata.METRIC_FALLBACK, format(scores.fallback()));
        metadata.put(ModelMetadata.IMPROVEMENT_PCT, String.format(Locale.ROOT, "%.2f", scores.improvementPct(spec.metric())));
        byte[] onnx = OnnxExport.model(spec, model.graph(spec), metadata);
        return new Result(spec, onnx, model.trainer(), all.source(), training.rows(), heldOut, predictions, scores);
    }

    /** Relations that are linear in their features get an exact ridge fit; the rest boosted trees. */
    static boolean linear(ModelSpec spec) {
        return spec == ModelCatalog.DIVERSION || spec == ModelCatalog.STATION_RELIABILITY;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
