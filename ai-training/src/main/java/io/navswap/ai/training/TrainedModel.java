package io.navswap.ai.training;

import ai.onnx.proto.OnnxMl;
import io.navswap.ai.model.ModelSpec;

/** A fitted model: its own predictions and its ONNX graph. */
interface TrainedModel {

    /** Predictions as ai-service reads them: values, probabilities of the positive class, class probabilities. */
    float[][] predict(float[][] x);

    /** Trainer and its settings, for the report and the metadata. */
    String trainer();

    /** The inference graph: input {@link ModelSpec#INPUT} [N, features], output {@code spec.output()}. */
    OnnxMl.GraphProto graph(ModelSpec spec);
}
