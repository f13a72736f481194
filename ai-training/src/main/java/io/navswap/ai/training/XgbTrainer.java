package io.navswap.ai.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.ai.model.ModelSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees with xgboost4j, for the relations that are not linear. One thread and a fixed seed
 * make the trees identical on every run; the fitted trees are read back from xgboost's JSON model and
 * become an ONNX TreeEnsembleRegressor.
 */
final class XgbTrainer {
    static final String VERSION = "3.4.0";
    static final int SEED = 7;

    record Settings(int rounds, int maxDepth, double eta, double minChildWeight) {
        String describe() {
            return "xgboost " + VERSION + " (" + rounds + " rounds, depth " + maxDepth + ", eta " + eta + ")";
        }
    }

    private XgbTrainer() {
    }

    static TrainedModel train(Dataset data, Settings settings) {
        ModelSpec spec = data.spec();
        Map<String, Object> params = new HashMap<>();
        params.put("objective", switch (spec.kind()) {
            case REGRESSION -> "reg:squarederror";
            case BINARY -> "binary:logistic";
            case MULTICLASS -> "multi:softprob";
        });
        if (spec.kind() == ModelSpec.Kind.MULTICLASS) {
            params.put("num_class", spec.classes().size());
        }
        params.put("tree_method", "hist");
        params.put("max_depth", settings.maxDepth());
        params.put("eta", settings.eta());
        params.put("min_child_weight", settings.minChildWeight());
        params.put("nthread", 1);
        params.put("seed", SEED);
        params.put("verbosity", 0);
        try {
            DMatrix matrix = matrix(data.x());
            matrix.setLabel(data.y());
            Booster booster = XGBoost.train(matrix, params, settings.rounds(), new HashMap<>(), null, null);
            matrix.dispose();
            TreeEnsemble ensemble = TreeEnsemble.fromXgboostJson(spec, booster.toByteArray("json"));
            return new XgbModel(booster, ensemble, settings.describe());
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost failed for " + spec.name(), e);
        }
    }

    static DMatrix matrix(float[][] x) throws XGBoostError {
        int columns = x[0].length;
        float[] flat = new float[x.length * columns];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * columns, columns);
        }
        return new DMatrix(flat, x.length, columns, Float.NaN);
    }

    private static final class XgbModel implements TrainedModel {
        private final Booster booster;
        private final TreeEnsemble ensemble;
        private final String trainer;

        XgbModel(Booster booster, TreeEnsemble ensemble, String trainer) {
            this.booster = booster;
            this.ensemble = ensemble;
            this.trainer = trainer;
        }

        @Override
        public float[][] predict(float[][] x) {
            try {
                DMatrix matrix = matrix(x);
                float[][] out = booster.predict(matrix);
                matrix.dispose();
                return out;
            } catch (XGBoostError e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String trainer() {
            return trainer;
        }

        @Override
        public ai.onnx.proto.OnnxMl.GraphProto graph(ModelSpec spec) {
            return OnnxExport.treeGraph(spec, ensemble);
        }
    }

    /** The trees as flat node arrays, as xgboost's JSON model stores them. */
    record TreeEnsemble(List<Tree> trees, float[] baseMargins) {

        record Tree(int target, int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {
            boolean leaf(int node) {
                return left[node] == -1;
            }
        }

        static TreeEnsemble fromXgboostJson(ModelSpec spec, byte[] json) {
            try {
                JsonNode learner = new ObjectMapper().readTree(json).path("learner");
                JsonNode model = learner.path("gradient_booster").path("model");
                JsonNode treeInfo = model.path("tree_info");
                List<Tree> trees = new ArrayList<>();
                JsonNode jsonTrees = model.path("trees");
                for (int t = 0; t < jsonTrees.size(); t++) {
                    JsonNode tree = jsonTrees.get(t);
                    trees.add(new Tree(treeInfo.get(t).asInt(), ints(tree.path("left_children")),
                            ints(tree.path("right_children")), ints(tree.path("split_indices")),
                            floats(tree.path("split_conditions")), booleans(tree.path("default_left"))));
                }
                float[] base = parseVector(learner.path("learner_model_param").path("base_score").asText());
                int width = spec.outputWidth();
                float[] margins = new float[width];
                for (int k = 0; k < width; k++) {
                    float b = base[Math.min(k, base.length - 1)];
                    // binary:logistic stores its intercept as a probability; the trees add to the logit.
                    margins[k] = spec.kind() == ModelSpec.Kind.BINARY ? (float) StrictMath.log(b / (1.0 - b)) : b;
                }
                return new TreeEnsemble(trees, margins);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable xgboost model", e);
            }
        }

        private static float[] parseVector(String text) {
            String inner = text.replace("[", "").replace("]", "").trim();
            String[] parts = inner.split(",");
            float[] values = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Float.parseFloat(parts[i].trim());
            }
            return values;
        }

        private static int[] ints(JsonNode array) {
            int[] values = new int[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).asInt();
            }
            return values;
        }

        private static float[] floats(JsonNode array) {
            float[] values = new float[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) array.get(i).asDouble();
            }
            return values;
        }

        private static boolean[] booleans(JsonNode array) {
            boolean[] values = new boolean[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).asInt() != 0;
            }
            return values;
        }
    }
}
