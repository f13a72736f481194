package io.navswap.ai.domain;

import io.navswap.ai.model.Fallbacks;

/**
 * Outcome of asking a model: its outputs ([rows][width]) and version, or why the fallback must answer.
 */
public record Inference(PredictionSource source, String modelVersion, String fallbackReason, float[][] outputs) {

    public static Inference onnx(String version, float[][] outputs) {
        return new Inference(PredictionSource.ONNX, version, null, outputs);
    }

    public static Inference fallback(String reason) {
        return new Inference(PredictionSource.FALLBACK, Fallbacks.VERSION, reason, null);
    }

    public boolean usedModel() {
        return source == PredictionSource.ONNX;
    }

    /** First output column of a row (a value or a probability). */
    public double value(int row) {
        return outputs[row][0];
    }
}
