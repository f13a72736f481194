package io.navswap.ai.model;

/** Keys of the ONNX {@code metadata_props} every NavSwap model file carries. */
public final class ModelMetadata {
    public static final String NAME = "name";
    public static final String VERSION = "version";
    /** Input feature names in column order, comma-separated. */
    public static final String FEATURES = "features";
    /** Output names, comma-separated. */
    public static final String OUTPUTS = "outputs";
    /** Class order of a classifier's output columns, comma-separated (empty for regressions). */
    public static final String CLASSES = "classes";
    public static final String KIND = "kind";
    public static final String TRAINER = "trainer";
    public static final String DATA = "data";
    public static final String TRAINING_ROWS = "training_rows";
    public static final String HELD_OUT_ROWS = "held_out_rows";
    public static final String METRIC = "metric";
    public static final String METRIC_MODEL = "metric_model";
    public static final String METRIC_FALLBACK = "metric_fallback";
    /** Relative improvement of the model over its fallback on held-out rows, in percent. */
    public static final String IMPROVEMENT_PCT = "improvement_pct";

    private ModelMetadata() {
    }
}
