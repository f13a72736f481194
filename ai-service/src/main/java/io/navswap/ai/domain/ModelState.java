package io.navswap.ai.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /ai/model-status} says about one model.
 *
 * @param state           {@code loaded} (the ONNX model answers) or {@code fallback}
 * @param reason          why the fallback answers (null when loaded)
 * @param origin          {@code bundled} or {@code models-dir}
 * @param trainingMetrics held-out metrics from the file's metadata (model vs fallback)
 * @param lastRefused     the last file refused for this model, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelState(
        String name,
        String endpoint,
        String state,
        String reason,
        String version,
        String origin,
        String file,
        String sha256,
        List<String> inputNames,
        List<String> outputNames,
        List<String> features,
        List<String> classes,
        Map<String, String> trainingMetrics,
        Refusal lastRefused) {

    public static final String LOADED = "loaded";
    public static final String FALLBACK = "fallback";

    /** A model file that was not taken into service, and why. */
    public record Refusal(String file, String sha256, String reason, String at) {
    }
}
