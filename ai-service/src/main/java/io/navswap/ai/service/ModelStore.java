package io.navswap.ai.service;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.navswap.ai.domain.FeatureRow;
import io.navswap.ai.domain.Inference;
import io.navswap.ai.domain.ModelState;
import io.navswap.ai.domain.ReloadOutcome;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelMetadata;
import io.navswap.ai.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;

/**
 * The ONNX sessions of the 13 models: created once from the bundled files, overridden by valid files of the
 * models directory, swapped atomically on reload. A file is taken into service only if onnxruntime loads it,
 * its metadata names exactly the features and outputs of the model's contract ({@link ModelCatalog}), and a
 * trial row gives finite outputs of the right width; otherwise it is refused and whatever served before
 * keeps serving. Plain Java (no CDI) so the benchmark can use it as the service does.
 */
public final class ModelStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ModelStore.class);
    /** Guard against a wrong file (a data dump, say) being read into memory. */
    static final long MAX_MODEL_BYTES = 64L * 1024 * 1024;
    public static final String BUNDLED = "bundled";
    public static final String MODELS_DIR = "models-dir";

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions options;
    private final Map<String, byte[]> bundled;
    private final Optional<Path> modelsDir;
    private final Set<String> disabled;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /**
     * @param bundled model bytes shipped with the service, by model name (a model may be absent)
     */
    public ModelStore(OrtEnvironment env, OrtSession.SessionOptions options, Map<String, byte[]> bundled,
            Optional<Path> modelsDir, Set<String> disabled) {
        this.env = env;
        this.options = options;
        this.bundled = Map.copyOf(bundled);
        this.modelsDir = modelsDir;
        this.disabled = Set.copyOf(disabled);
        for (ModelSpec spec : ModelCatalog.all()) {
            slots.put(spec.name(), new Slot(spec));
        }
    }

    /** Session options for every model: the environment's global thread pools, no per-session threads. */
    public static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.disablePerSessionThreads();
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    /** Loads (first call) or re-reads every model's file; one reload at a time. */
    public synchronized List<ReloadOutcome> reload() {
        List<ReloadOutcome> outcomes = new ArrayList<>();
        for (Slot slot : slots.values()) {
            outcomes.add(reload(slot));
        }
        return outcomes;
    }

    private ReloadOutcome reload(Slot slot) {
        ModelSpec spec = slot.spec;
        Optional<String> off = disabledBecause(spec);
        if (off.isPresent()) {
            boolean wasServing = slot.current != null;
            slot.swap(null, off.get());
            return outcome(slot, wasServing ? "disabled" : "unchanged", off.get());
        }
        Optional<Candidate> candidate = candidate(spec, slot);
        if (candidate.isEmpty()) {
            boolean wasServing = slot.current != null;
            slot.swap(null, "no model file: neither bundled nor in the models directory");
            return outcome(slot, wasServing ? "missing" : "unchanged", slot.reason);
        }
        Candidate c = candidate.get();
        LoadedModel current = slot.current;
        if (current != null && current.sha256.equals(c.sha256) && current.origin.equals(c.origin)) {
            return outcome(slot, "unchanged", null);
        }
        try {
            LoadedModel loaded = load(spec, c);
            slot.swap(loaded, null);
            LOG.infof("Model %s %s serving from %s (%s)", spec.name(), loaded.version, c.origin, c.file);
            return outcome(slot, "loaded", null);
        } catch (RefusedModel refused) {
            slot.lastRefused = new ModelState.Refusal(c.file, c.sha256, refused.getMessage(), Instant.now().toString());
            LOG.warnf("Refused model file %s for %s: %s", c.file, spec.name(), refused.getMessage());
            if (slot.current == null && c.origin.equals(MODELS_DIR) && bundled.containsKey(spec.name())) {
                // First load with a bad override: serve the bundled model rather than the fallback.
                try {
                    slot.swap(load(spec, bundledCandidate(spec)), null);
                } catch (RefusedModel alsoRefused) {
                    slot.swap(null, "bundled model refused: " + alsoRefused.getMessage());
                }
            } else if (slot.current == null) {
                slot.swap(null, "model file refused: " + refused.getMessage());
            }
            return outcome(slot, "refused", refused.getMessage());
        }
    }

    private Optional<String> disabledBecause(ModelSpec spec) {
        if (disabled.contains(spec.name())) {
            return Optional.of("disabled by configuration (navswap.ai.disabled-models)");
        }
        if (modelsDir.isPresent() && Files.exists(modelsDir.get().resolve(spec.name() + ".disabled"))) {
            return Optional.of("disabled by " + modelsDir.get().resolve(spec.name() + ".disabled"));
        }
        return Optional.empty();
    }

    private Optional<Candidate> candidate(ModelSpec spec, Slot slot) {
        if (modelsDir.isPresent()) {
            Path file = modelsDir.get().resolve(spec.file());
            if (Files.isRegularFile(file)) {
                try {
                    long size = Files.size(file);
                    if (size > MAX_MODEL_BYTES) {
                        throw new IOException(size + " bytes is more than a model may have (" + MAX_MODEL_BYTES + ")");
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    return Optional.of(new Candidate(bytes, sha256(bytes), MODELS_DIR, file.toString()));
                } catch (IOException e) {
                    // Unreadable now: keep what serves, say so, and fall through to the bundled file only
                    // if nothing serves yet.
                    slot.lastRefused = new ModelState.Refusal(file.toString(), null, "unreadable: " + e.getMessage(),
                            Instant.now().toString());
                    LOG.warnf("Cannot read %s: %s", file, e.getMessage());
                    if (slot.current != null) {
                        return Optional.of(new Candidate(null, slot.current.sha256, slot.current.origin,
                                slot.current.file));
                    }
                }
            }
        }
        return bundled.containsKey(spec.name()) ? Optional.of(bundledCandidate(spec)) : Optional.empty();
    }

    private Candidate bundledCandidate(ModelSpec spec) {
        byte[] bytes = bundled.get(spec.name());
        return new Candidate(bytes, sha256(bytes), BUNDLED, "classpath:models/" + spec.file());
    }

    private LoadedModel load(ModelSpec spec, Candidate c) throws RefusedModel {
        OrtSession session;
        try {
            session = env.createSession(c.bytes, options);
        } catch (OrtException | RuntimeException e) {
            throw new RefusedModel("not a loadable ONNX model (" + firstLine(e.getMessage()) + ")");
        }
        try {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            check(spec.name().equals(metadata.get(ModelMetadata.NAME)),
                    "metadata name '" + metadata.get(ModelMetadata.NAME) + "' is not '" + spec.name() + "'");
            String version = metadata.getOrDefault(ModelMetadata.VERSION, "");
            check(!version.isBlank(), "metadata has no version");
            String expectedFeatures = String.join(",", spec.features());
            check(expectedFeatures.equals(metadata.get(ModelMetadata.FEATURES)),
                    "metadata features [" + metadata.get(ModelMetadata.FEATURES) + "] differ from the features the endpoint supplies ["
                            + expectedFeatures + "]");
            check(spec.output().equals(metadata.get(ModelMetadata.OUTPUTS)),
                    "metadata outputs [" + metadata.get(ModelMetadata.OUTPUTS) + "] are not [" + spec.output() + "]");
            check(String.join(",", spec.classes()).equals(metadata.getOrDefault(ModelMetadata.CLASSES, "")),
                    "metadata class order [" + metadata.get(ModelMetadata.CLASSES) + "] is not ["
                            + String.join(",", spec.classes()) + "]");
            check(List.copyOf(session.getInputNames()).equals(List.of(ModelSpec.INPUT)),
                    "inputs " + session.getInputNames() + " are not [" + ModelSpec.INPUT + "]");
            checkTensor(session.getInputInfo().get(ModelSpec.INPUT), spec.featureCount(), "input");
            check(session.getOutputNames().contains(spec.output()), "no output named " + spec.output());
            checkTensor(session.getOutputInfo().get(spec.output()), spec.outputWidth(), "output");
            LoadedModel model = new LoadedModel(spec, session, version, c.sha256, c.origin, c.file, metadata);
            float[][] trial = model.run(env, new float[][] { new float[spec.featureCount()] });
            check(trial != null && trial.length == 1 && trial[0].length == spec.outputWidth() && finite(trial),
                    "a trial row did not give " + spec.outputWidth() + " finite output value(s)");
            return model;
        } catch (RefusedModel refused) {
            closeQuietly(session);
            throw refused;
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            throw new RefusedModel("cannot run: " + firstLine(e.getMessage()));
        }
    }

    private static void checkTensor(NodeInfo info, int width, String what) throws RefusedModel {
        check(info != null && info.getInfo() instanceof TensorInfo, what + " is not a tensor");
        TensorInfo tensor = (TensorInfo) info.getInfo();
        check(tensor.type == OnnxJavaType.FLOAT, what + " is " + tensor.type + ", not float");
        long[] shape = tensor.getShape();
        check(shape.length == 2 && (shape[1] == width || shape[1] < 0),
                what + " shape " + java.util.Arrays.toString(shape) + " is not [N, " + width + "]");
    }

    /**
     * Runs the model on the rows, or says why the fallback must answer: no model, a missing or non-finite
     * feature, a failure inside onnxruntime, or a non-finite output.
     */
    public Inference infer(ModelSpec spec, List<FeatureRow> rows) {
        Slot slot = slots.get(spec.name());
        if (slot.current == null) {
            return Inference.fallback(slot.reason);
        }
        float[][] x = new float[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            List<String> missing = rows.get(i).missing();
            if (!missing.isEmpty()) {
                return Inference.fallback("missing or non-finite feature: " + String.join(", ", missing));
            }
            x[i] = rows.get(i).values();
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            LoadedModel model = slot.current;
            if (model == null) {
                return Inference.fallback(slot.reason);
            }
            try {
                float[][] out = model.run(env, x);
                if (out == null) {
                    continue; // swapped out by a reload while we waited: ask the new one
                }
                if (out.length != x.length || out[0].length != spec.outputWidth() || !finite(out)) {
                    return Inference.fallback("model " + model.version + " returned a non-finite or malformed value");
                }
                return Inference.onnx(model.version, out);
            } catch (OrtException | RuntimeException e) {
                LOG.warnf("Inference failed for %s: %s", spec.name(), e.getMessage());
                return Inference.fallback("inference failed: " + firstLine(e.getMessage()));
            }
        }
        return Inference.fallback("model was being replaced");
    }

    /** Identifies what answers a model now (file hash, or fallback), so cached answers follow a reload. */
    public String identity(ModelSpec spec) {
        LoadedModel model = slots.get(spec.name()).current;
        return model == null ? "fallback" : model.sha256.substring(0, 16);
    }

    public boolean loaded(ModelSpec spec) {
        return slots.get(spec.name()).current != null;
    }

    public List<ModelState> status() {
        List<ModelState> states = new ArrayList<>();
        for (Slot slot : slots.values()) {
            ModelSpec spec = slot.spec;
            LoadedModel m = slot.current;
            if (m == null) {
                states.add(new ModelState(spec.name(), spec.endpoint(), ModelState.FALLBACK, slot.reason,
                        io.navswap.ai.model.Fallbacks.VERSION, null, null, null, null, null, spec.features(),
                        spec.classes().isEmpty() ? null : spec.classes(), null, slot.lastRefused));
            } else {
                Map<String, String> metrics = new LinkedHashMap<>();
                for (String key : List.of(ModelMetadata.METRIC, ModelMetadata.METRIC_MODEL,
                        ModelMetadata.METRIC_FALLBACK, ModelMetadata.IMPROVEMENT_PCT, ModelMetadata.TRAINING_ROWS,
                        ModelMetadata.HELD_OUT_ROWS, ModelMetadata.TRAINER, ModelMetadata.DATA)) {
                    if (m.metadata.containsKey(key)) {
                        metrics.put(key, m.metadata.get(key));
                    }
                }
                states.add(new ModelState(spec.name(), spec.endpoint(), ModelState.LOADED, null, m.version, m.origin,
                        m.file, m.sha256, m.inputNames, m.outputNames, spec.features(),
                        spec.classes().isEmpty() ? null : spec.classes(), metrics, slot.lastRefused));
            }
        }
        return states;
    }

    private ReloadOutcome outcome(Slot slot, String outcome, String reason) {
        LoadedModel m = slot.current;
        return new ReloadOutcome(slot.spec.name(), outcome, m == null ? ModelState.FALLBACK : ModelState.LOADED,
                m == null ? null : m.origin, m == null ? null : m.version,
                reason != null ? reason : m == null ? slot.reason : null);
    }

    @Override
    public synchronized void close() {
        for (Slot slot : slots.values()) {
            slot.swap(null, "service stopping");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean finite(float[][] values) {
        for (float[] row : values) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void check(boolean ok, String problem) throws RefusedModel {
        if (!ok) {
            throw new RefusedModel(problem);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            LOG.debugf("Closing a refused session: %s", e.getMessage());
        }
    }

    private record Candidate(byte[] bytes, String sha256, String origin, String file) {
    }

    private static final class RefusedModel extends Exception {
        RefusedModel(String message) {
            super(message);
        }
    }

    /** The model currently answering one endpoint, and the state the status page shows. */
    private static final class Slot {
        final ModelSpec spec;
        volatile LoadedModel current;
        volatile String reason = "not loaded yet";
        volatile ModelState.Refusal lastRefused;

        Slot(ModelSpec spec) {
            this.spec = spec;
        }

        /** Puts {@code next} in service and closes the previous session once no inference uses it. */
        void swap(LoadedModel next, String fallbackReason) {
            LoadedModel previous = current;
            current = next;
            reason = next == null ? fallbackReason : null;
            if (previous != null && previous != next) {
                previous.close();
            }
        }
    }

    /** One ONNX session; inference holds the read lock so a reload never closes a session mid-run. */
    private static final class LoadedModel {
        final ModelSpec spec;
        final OrtSession session;
        final String version;
        final String sha256;
        final String origin;
        final String file;
        final Map<String, String> metadata;
        final List<String> inputNames;
        final List<String> outputNames;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean closed;

        LoadedModel(ModelSpec spec, OrtSession session, String version, String sha256, String origin, String file,
                Map<String, String> metadata) {
            this.spec = spec;
            this.session = session;
            this.version = version;
            this.sha256 = sha256;
            this.origin = origin;
            this.file = file;
            this.metadata = Map.copyOf(metadata);
            this.inputNames = List.copyOf(session.getInputNames());
            this.outputNames = List.copyOf(session.getOutputNames());
        }

        /** Outputs [rows][width], or null if this session was closed by a reload. */
        float[][] run(OrtEnvironment env, float[][] x) throws OrtException {
            lock.readLock().lock();
            try {
                if (closed) {
                    return null;
                }
                try (OnnxTensor input = OnnxTensor.createTensor(env, x);
                        OrtSession.Result result = session.run(Map.of(ModelSpec.INPUT, input),
                                Set.of(spec.output()))) {
                    return (float[][]) result.get(0).getValue();
                }
            } finally {
                lock.readLock().unlock();
            }
        }

        void close() {
            lock.writeLock().lock();
            try {
                if (!closed) {
                    closed = true;
                    session.close();
                }
            } catch (OrtException e) {
                LOG.warnf("Closing session of %s: %s", spec.name(), e.getMessage());
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
