package io.navswap.ai.training;

import ai.onnx.proto.OnnxMl;
import io.navswap.ai.model.ModelSpec;

/**
 * Ridge regression solved exactly by the normal equations, for relations that are linear: standardised
 * features, an unpenalised intercept, then the scaling folded back into the weights so the ONNX graph is a
 * single MatMul + Add on the raw features.
 */
final class RidgeTrainer {
    static final double LAMBDA = 1.0;

    private RidgeTrainer() {
    }

    static TrainedModel train(Dataset data) {
        if (data.spec().kind() != ModelSpec.Kind.REGRESSION) {
            throw new IllegalArgumentException("ridge regression only fits regressions: " + data.spec().name());
        }
        float[][] x = data.x();
        int n = x.length;
        int f = x[0].length;
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < f; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < f; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (scale[j] < 1e-12) {
                scale[j] = 1;
            }
        }
        double yMean = 0;
        for (float y : data.y()) {
            yMean += y;
        }
        yMean /= n;
        double[][] a = new double[f][f + 1];
        for (int i = 0; i < n; i++) {
            double[] z = new double[f];
            for (int j = 0; j < f; j++) {
                z[j] = (x[i][j] - mean[j]) / scale[j];
            }
            double r = data.y()[i] - yMean;
            for (int j = 0; j < f; j++) {
                for (int k = 0; k < f; k++) {
                    a[j][k] += z[j] * z[k];
                }
                a[j][f] += z[j] * r;
            }
        }
        for (int j = 0; j < f; j++) {
            a[j][j] += LAMBDA;
        }
        double[] standardised = solve(a);
        double[] weights = new double[f];
        double bias = yMean;
        for (int j = 0; j < f; j++) {
            weights[j] = standardised[j] / scale[j];
            bias -= weights[j] * mean[j];
        }
        return new LinearModel(weights, bias);
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix [A | b]. */
    private static double[] solve(double[][] a) {
        int f = a.length;
        for (int col = 0; col < f; col++) {
            int pivot = col;
            for (int row = col + 1; row < f; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int row = col + 1; row < f; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= f; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] solution = new double[f];
        for (int row = f - 1; row >= 0; row--) {
            double sum = a[row][f];
            for (int k = row + 1; k < f; k++) {
                sum -= a[row][k] * solution[k];
            }
            solution[row] = sum / a[row][row];
        }
        return solution;
    }

    /** y = w . x + b, with weights and bias as the float32 values the ONNX file carries. */
    static final class LinearModel implements TrainedModel {
        private final float[] weights;
        private final float bias;

        LinearModel(double[] weights, double bias) {
            this.weights = new float[weights.length];
            for (int j = 0; j < weights.length; j++) {
                this.weights[j] = (float) weights[j];
            }
            this.bias = (float) bias;
        }

        @Override
        public float[][] predict(float[][] x) {
            float[][] out = new float[x.length][1];
            for (int i = 0; i < x.length; i++) {
                double sum = bias;
                for (int j = 0; j < weights.length; j++) {
                    sum += (double) weights[j] * x[i][j];
                }
                out[i][0] = (float) sum;
            }
            return out;
        }

        @Override
        public String trainer() {
            return "ridge regression (normal equations, lambda " + LAMBDA + ")";
        }

        @Override
        public OnnxMl.GraphProto graph(ModelSpec spec) {
            return OnnxExport.linearGraph(spec, weights, bias);
        }
    }
}
