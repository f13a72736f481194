package io.navswap.ai.training;

import io.navswap.ai.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one model: features in the spec's order (already float, as the server will feed them), the target
 * (a value, 0/1, or a class index) and a group id. Rows of one group (a station network, a scenario) stay
 * together: groups whose id is 4 mod 5 are held out.
 *
 * @param source where the rows come from, for the report and the metadata
 */
record Dataset(ModelSpec spec, float[][] x, float[] y, int[] group, String source) {
    static final int HELD_OUT_MODULUS = 5;

    static boolean heldOut(int group) {
        return group % HELD_OUT_MODULUS == HELD_OUT_MODULUS - 1;
    }

    int rows() {
        return y.length;
    }

    Dataset training() {
        return select(false);
    }

    Dataset heldOutRows() {
        return select(true);
    }

    private Dataset select(boolean wantHeldOut) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (heldOut(group[i]) == wantHeldOut) {
                keep.add(i);
            }
        }
        float[][] xs = new float[keep.size()][];
        float[] ys = new float[keep.size()];
        int[] gs = new int[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            xs[i] = x[keep.get(i)];
            ys[i] = y[keep.get(i)];
            gs[i] = group[keep.get(i)];
        }
        return new Dataset(spec, xs, ys, gs, source);
    }

    /** Column of a feature by name. */
    double value(int row, String feature) {
        int column = spec.features().indexOf(feature);
        if (column < 0) {
            throw new IllegalArgumentException(spec.name() + " has no feature " + feature);
        }
        return x[row][column];
    }

    /** Row indices grouped by group id, in order of first appearance (a CSV need not keep groups together). */
    List<List<Integer>> groups() {
        java.util.Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            groups.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** Collects rows while a generator runs. */
    static final class Builder {
        private final ModelSpec spec;
        private final List<float[]> xs = new ArrayList<>();
        private final List<Float> ys = new ArrayList<>();
        private final List<Integer> groups = new ArrayList<>();

        Builder(ModelSpec spec) {
            this.spec = spec;
        }

        void add(int group, double target, double... features) {
            if (features.length != spec.featureCount()) {
                throw new IllegalArgumentException(spec.name() + ": " + features.length + " features, expected "
                        + spec.featureCount());
            }
            float[] row = new float[features.length];
            for (int i = 0; i < features.length; i++) {
                row[i] = (float) features[i];
            }
            xs.add(row);
            ys.add((float) target);
            groups.add(group);
        }

        Dataset build(String source) {
            float[] y = new float[ys.size()];
            int[] g = new int[groups.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = ys.get(i);
                g[i] = groups.get(i);
            }
            return new Dataset(spec, xs.toArray(new float[0][]), y, g, source);
        }
    }
}
