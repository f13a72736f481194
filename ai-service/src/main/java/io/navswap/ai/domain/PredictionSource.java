package io.navswap.ai.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who answered a prediction: the ONNX model or its fallback heuristic. */
public enum PredictionSource {
    ONNX("onnx"),
    FALLBACK("fallback");

    private final String json;

    PredictionSource(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
