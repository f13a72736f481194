package io.navswap.ai.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelMetadata;
import io.navswap.ai.model.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrains every model (about a second per run) and checks what ai-service ships against it: the committed
 * files are exactly the command's output, onnxruntime answers what the trainer predicts, every model beats
 * its fallback and describes its contract in its metadata.
 */
class TrainingReproducibilityTest {
    /** Parity tolerance between onnxruntime and the trainer's own prediction on held-out rows. */
    private static final double PARITY = 1e-4;

    private static List<TrainingPipeline.Result> results;

    @BeforeAll
    static void train() {
        results = TrainingPipeline.run(Optional.empty());
    }

    private static Path modelsDir() {
        return Path.of(System.getProperty("navswap.ai.models.dir", "../ai-service/src/main/resources/models"));
    }

    @Test
    void trainsAllThirteenModelsInCatalogOrder() {
        assertEquals(ModelCatalog.all(), results.stream().map(TrainingPipeline.Result::spec).toList());
    }

    @Test
    void retrainingGivesByteIdenticalFiles() {
        List<TrainingPipeline.Result> again = TrainingPipeline.run(Optional.empty());
        for (int i = 0; i < results.size(); i++) {
            assertArrayEquals(results.get(i).onnx(), again.get(i).onnx(), results.get(i).spec().name());
        }
    }

    @Test
    void committedModelsAreExactlyWhatTrainingProduces() throws Exception {
        for (TrainingPipeline.Result r : results) {
            Path committed = modelsDir().resolve(r.spec().file());
            assertTrue(Files.isRegularFile(committed), committed + " is missing: run the training command");
            assertEquals(r.sha256(), CsvData.sha256(Files.readAllBytes(committed)),
                    r.spec().file() + " differs from what training produces: run the training command and commit");
        }
    }

    @Test
    void committedReportIsUpToDate() throws Exception {
        Path report = Path.of(System.getProperty("navswap.ai.report.file", "../ai-service/MODEL-REPORT.md"));
        assertEquals(ModelReport.markdown(results), Files.readString(report, StandardCharsets.UTF_8));
    }

    @Test
    void everyModelBeatsItsFallbackOnHeldOutRows() {
        for (TrainingPipeline.Result r : results) {
            assertTrue(r.scores().modelBetter(r.spec().metric()),
                    r.spec().name() + ": model " + r.scores().model() + " vs fallback " + r.scores().fallback());
        }
    }

    @Test
    void modelFilesStaySmall() {
        long total = results.stream().mapToLong(r -> r.onnx().length).sum();
        assertTrue(total < 4L * 1024 * 1024, "models total " + total + " bytes");
    }

    @Test
    void onnxRuntimeMatchesTheTrainerOnHeldOutRows() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (TrainingPipeline.Result r : results) {
            try (OrtSession session = env.createSession(r.onnx(), new OrtSession.SessionOptions());
                    OnnxTensor input = OnnxTensor.createTensor(env, r.heldOut().x());
                    OrtSession.Result out = session.run(Map.of(ModelSpec.INPUT, input))) {
                float[][] onnx = (float[][]) out.get(0).getValue();
                float[][] trainer = r.predictions();
                assertEquals(trainer.length, onnx.length);
                double worst = 0;
                for (int i = 0; i < trainer.length; i++) {
                    assertEquals(r.spec().outputWidth(), onnx[i].length, r.spec().name());
                    for (int k = 0; k < trainer[i].length; k++) {
                        worst = Math.max(worst, Math.abs(trainer[i][k] - onnx[i][k]));
                    }
                }
                assertTrue(worst <= PARITY, r.spec().name() + ": onnxruntime differs from the trainer by " + worst);
            }
        }
    }

    @Test
    void metadataDescribesTheContract() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (TrainingPipeline.Result r : results) {
            ModelSpec spec = r.spec();
            try (OrtSession session = env.createSession(r.onnx(), new OrtSession.SessionOptions())) {
                Map<String, String> meta = session.getMetadata().getCustomMetadata();
                assertEquals(spec.name(), meta.get(ModelMetadata.NAME));
                assertEquals(spec.version(), meta.get(ModelMetadata.VERSION));
                assertEquals(String.join(",", spec.features()), meta.get(ModelMetadata.FEATURES));
                assertEquals(spec.output(), meta.get(ModelMetadata.OUTPUTS));
                assertEquals(String.join(",", spec.classes()), meta.get(ModelMetadata.CLASSES));
                assertEquals(spec.metric().key(), meta.get(ModelMetadata.METRIC));
                assertEquals(TrainingPipeline.format(r.scores().model()), meta.get(ModelMetadata.METRIC_MODEL));
                assertEquals(TrainingPipeline.format(r.scores().fallback()), meta.get(ModelMetadata.METRIC_FALLBACK));
                assertEquals(List.of(ModelSpec.INPUT), List.copyOf(session.getInputNames()));
                assertEquals(List.of(spec.output()), List.copyOf(session.getOutputNames()));
            }
        }
    }
}
