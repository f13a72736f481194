package io.navswap.ai.service;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import io.navswap.ai.config.AiConfig;
import io.navswap.ai.domain.FeatureRow;
import io.navswap.ai.domain.Inference;
import io.navswap.ai.domain.ModelState;
import io.navswap.ai.domain.ReloadOutcome;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelSpec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The service's one ONNX runtime: a single {@link OrtEnvironment} with global thread pools (sessions opt out
 * of their own), the 13 sessions created once at startup and replaced only by {@link #reload()}.
 */
@ApplicationScoped
public class ModelRegistry {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final AiConfig config;
    private volatile ModelStore store;

    ModelRegistry(AiConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        store();
    }

    void stop(@Observes ShutdownEvent event) {
        ModelStore current = store;
        if (current != null) {
            current.close();
        }
    }

    private ModelStore store() {
        ModelStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    try {
                        ModelStore created = new ModelStore(environment(config), ModelStore.sessionOptions(),
                                bundledModels(), config.modelsDir().filter(s -> !s.isBlank()).map(Path::of),
                                config.disabledModels().orElse(Set.of()));
                        List<ReloadOutcome> outcomes = created.reload();
                        long loaded = outcomes.stream().filter(o -> ModelState.LOADED.equals(o.state())).count();
                        LOG.infof("%d of %d models loaded (any other answers with its fallback; see GET /ai/model-status)", loaded,
                                outcomes.size());
                        store = created;
                    } catch (OrtException e) {
                        throw new IllegalStateException("onnxruntime could not start", e);
                    }
                }
                current = store;
            }
        }
        return current;
    }

    /**
     * The process-wide ORT environment with global intra/inter-op pools. It can be created with thread options
     * only once per JVM; a second start in the same JVM (tests) reuses it.
     */
    static OrtEnvironment environment(AiConfig config) throws OrtException {
        try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
            threading.setGlobalIntraOpNumThreads(config.onnx().intraOpThreads());
            threading.setGlobalInterOpNumThreads(config.onnx().interOpThreads());
            threading.setGlobalSpinControl(false);
            return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "navswap-ai", threading);
        } catch (IllegalStateException alreadyCreated) {
            LOG.debug("Reusing the existing ONNX runtime environment");
            return OrtEnvironment.getEnvironment();
        }
    }

    /** The models built into the service jar (src/main/resources/models, written by ai-training). */
    static Map<String, byte[]> bundledModels() {
        Map<String, byte[]> models = new HashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ModelSpec spec : ModelCatalog.all()) {
            try (InputStream in = loader.getResourceAsStream("models/" + spec.file())) {
                if (in != null) {
                    models.put(spec.name(), in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }

    public Inference infer(ModelSpec spec, List<FeatureRow> rows) {
        return store().infer(spec, rows);
    }

    public Inference infer(ModelSpec spec, FeatureRow row) {
        return infer(spec, List.of(row));
    }

    public String identity(ModelSpec spec) {
        return store().identity(spec);
    }

    public List<ModelState> status() {
        return store().status();
    }

    public List<ReloadOutcome> reload() {
        return store().reload();
    }
}
