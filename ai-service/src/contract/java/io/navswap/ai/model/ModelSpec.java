package io.navswap.ai.model;

import java.util.List;

/**
 * The contract of one model, shared by the trainer (ai-training) and the server (ai-service): the ONNX file
 * must take one float input {@code features} of shape [N, features.size()] in exactly this order and produce
 * the output {@code output} ([N, 1], or [N, classes.size()] for a classifier with this class order).
 * The served file's metadata is checked against it before the model is used.
 */
public record ModelSpec(
        String name,
        String endpoint,
        String version,
        Kind kind,
        List<String> features,
        String output,
        List<String> classes,
        Metric metric,
        String answers,
        String fallback) {

    public static final String INPUT = "features";

    public enum Kind {
        /** One real value per row; a tree ensemble or a linear model, output [N, 1]. */
        REGRESSION,
        /** Probability of the positive class per row (sigmoid applied in the graph), output [N, 1]. */
        BINARY,
        /** Class probabilities per row (softmax applied in the graph), output [N, classes]. */
        MULTICLASS
    }

    /** How held-out quality is measured for this model and for its fallback on the same rows. */
    public enum Metric {
        MAE("mean absolute error", false),
        LOG_LOSS("log-loss", false),
        ACCURACY("accuracy", true),
        /** Decision quality: mean real turnaround (hours) of the option each method picks first. */
        CHOSEN_TURNAROUND("mean turnaround of the chosen shop (h)", false);

        public final String label;
        public final boolean higherIsBetter;

        Metric(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        public String key() {
            return name().toLowerCase();
        }
    }

    public String file() {
        return name + ".onnx";
    }

    public int featureCount() {
        return features.size();
    }

    public int outputWidth() {
        return kind == Kind.MULTICLASS ? classes.size() : 1;
    }
}
