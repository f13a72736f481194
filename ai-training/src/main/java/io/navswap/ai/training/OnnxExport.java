package io.navswap.ai.training;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.navswap.ai.model.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds ONNX ModelProtos by hand from the onnx-ml.proto classes. Nothing time- or machine-dependent goes in
 * (no timestamps, no paths), repeated fields are written in a fixed order, so a model trained twice
 * serialises to the same bytes.
 *
 * <p>Measured pitfalls this follows (PLATFORM-NOTES.md): onnxruntime ignores {@code post_transform=LOGISTIC}
 * on a single-target ensemble, so a classifier's link is a separate Sigmoid/Softmax node; tree thresholds
 * compare in float32, so features are float32 from the start (xgboost's thresholds are float32 too, and
 * both go left when {@code x < threshold}).
 */
final class OnnxExport {
    static final long IR_VERSION = 8;
    static final long OPSET = 13;
    static final long ML_OPSET = 3;
    static final String ML_DOMAIN = "ai.onnx.ml";
    static final String PRODUCER = "navswap-ai-training";

    private OnnxExport() {
    }

    static byte[] model(ModelSpec spec, GraphProto graph, Map<String, String> metadata) {
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(spec.version())
                .setDomain("io.navswap.ai")
                .setModelVersion(1)
                .setDocString(spec.name() + ": " + spec.answers())
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setGraph(graph);
        new LinkedHashMap<>(metadata).forEach((key, value) -> model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build().toByteArray();
    }

    static GraphProto treeGraph(ModelSpec spec, XgbTrainer.TreeEnsemble ensemble) {
        List<Long> treeIds = new ArrayList<>();
        List<Long> nodeIds = new ArrayList<>();
        List<Long> featureIds = new ArrayList<>();
        List<ByteString> modes = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<Long> trueIds = new ArrayList<>();
        List<Long> falseIds = new ArrayList<>();
        List<Long> missingTracksTrue = new ArrayList<>();
        List<Long> targetTreeIds = new ArrayList<>();
        List<Long> targetNodeIds = new ArrayList<>();
        List<Long> targetIds = new ArrayList<>();
        List<Float> targetWeights = new ArrayList<>();
        ByteString branch = ByteString.copyFrom("BRANCH_LT", StandardCharsets.US_ASCII);
        ByteString leaf = ByteString.copyFrom("LEAF", StandardCharsets.US_ASCII);
        for (int t = 0; t < ensemble.trees().size(); t++) {
            XgbTrainer.TreeEnsemble.Tree tree = ensemble.trees().get(t);
            for (int node = 0; node < tree.left().length; node++) {
                treeIds.add((long) t);
                nodeIds.add((long) node);
                if (tree.leaf(node)) {
                    featureIds.add(0L);
                    modes.add(leaf);
                    values.add(0f);
                    trueIds.add(0L);
                    falseIds.add(0L);
                    missingTracksTrue.add(0L);
                    targetTreeIds.add((long) t);
                    targetNodeIds.add((long) node);
                    targetIds.add((long) tree.target());
                    // For a leaf, xgboost keeps the (learning-rate scaled) leaf value in split_conditions.
                    targetWeights.add(tree.condition()[node]);
                } else {
                    featureIds.add((long) tree.feature()[node]);
                    modes.add(branch);
                    values.add(tree.condition()[node]);
                    trueIds.add((long) tree.left()[node]);
                    falseIds.add((long) tree.right()[node]);
                    missingTracksTrue.add(tree.defaultLeft()[node] ? 1L : 0L);
                }
            }
        }
        List<Float> base = new ArrayList<>();
        for (float margin : ensemble.baseMargins()) {
            base.add(margin);
        }
        boolean link = spec.kind() != ModelSpec.Kind.REGRESSION;
        String ensembleOut = link ? "margin" : spec.output();
        NodeProto trees = NodeProto.newBuilder()
                .setName("trees").setOpType("TreeEnsembleRegressor").setDomain(ML_DOMAIN)
                .addInput(ModelSpec.INPUT).addOutput(ensembleOut)
                .addAttribute(string("aggregate_function", "SUM"))
                .addAttribute(floats("base_values", base))
                .addAttribute(integer("n_targets", spec.outputWidth()))
                .addAttribute(ints("nodes_falsenodeids", falseIds))
                .addAttribute(ints("nodes_featureids", featureIds))
                .addAttribute(ints("nodes_missing_value_tracks_true", missingTracksTrue))
                .addAttribute(strings("nodes_modes", modes))
                .addAttribute(ints("nodes_nodeids", nodeIds))
                .addAttribute(ints("nodes_treeids", treeIds))
                .addAttribute(ints("nodes_truenodeids", trueIds))
                .addAttribute(floats("nodes_values", values))
                .addAttribute(string("post_transform", "NONE"))
                .addAttribute(ints("target_ids", targetIds))
                .addAttribute(ints("target_nodeids", targetNodeIds))
                .addAttribute(ints("target_treeids", targetTreeIds))
                .addAttribute(floats("target_weights", targetWeights))
                .build();
        GraphProto.Builder graph = GraphProto.newBuilder().setName(spec.name()).addNode(trees);
        if (link) {
            graph.addNode(linkNode(spec, "margin"));
        }
        return graph.addInput(tensor(ModelSpec.INPUT, spec.featureCount()))
                .addOutput(tensor(spec.output(), spec.outputWidth()))
                .build();
    }

    static GraphProto linearGraph(ModelSpec spec, float[] weights, float bias) {
        List<Float> w = new ArrayList<>();
        for (float weight : weights) {
            w.add(weight);
        }
        boolean link = spec.kind() != ModelSpec.Kind.REGRESSION;
        String sum = link ? "margin" : spec.output();
        GraphProto.Builder graph = GraphProto.newBuilder().setName(spec.name())
                .addInitializer(TensorProto.newBuilder().setName("weights").setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addDims(weights.length).addDims(1).addAllFloatData(w))
                .addInitializer(TensorProto.newBuilder().setName("bias").setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addDims(1).addFloatData(bias))
                .addNode(NodeProto.newBuilder().setName("matmul").setOpType("MatMul")
                        .addInput(ModelSpec.INPUT).addInput("weights").addOutput("product"))
                .addNode(NodeProto.newBuilder().setName("add").setOpType("Add")
                        .addInput("product").addInput("bias").addOutput(sum));
        if (link) {
            graph.addNode(linkNode(spec, "margin"));
        }
        return graph.addInput(tensor(ModelSpec.INPUT, spec.featureCount()))
                .addOutput(tensor(spec.output(), spec.outputWidth()))
                .build();
    }

    private static NodeProto linkNode(ModelSpec spec, String input) {
        NodeProto.Builder node = NodeProto.newBuilder().addInput(input).addOutput(spec.output());
        if (spec.kind() == ModelSpec.Kind.MULTICLASS) {
            return node.setName("softmax").setOpType("Softmax").addAttribute(integer("axis", 1)).build();
        }
        return node.setName("sigmoid").setOpType("Sigmoid").build();
    }

    /** A float tensor [N, width] with a symbolic batch dimension. */
    private static ValueInfoProto tensor(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    private static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.US_ASCII)).build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    private static AttributeProto ints(String name, List<Long> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS).addAllInts(values).build();
    }

    private static AttributeProto floats(String name, List<Float> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS).addAllFloats(values).build();
    }

    private static AttributeProto strings(String name, List<ByteString> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRINGS).addAllStrings(values).build();
    }
}
