package io.navswap.ai.domain;

import io.navswap.ai.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One input row built by feature name, so an endpoint can only supply the features its model's contract
 * names, in the contract's order. A feature left unset or given null/NaN stays NaN: the model is then not
 * asked and the fallback answers, naming the feature.
 */
public final class FeatureRow {
    private final ModelSpec spec;
    private final float[] values;

    private FeatureRow(ModelSpec spec) {
        this.spec = spec;
        this.values = new float[spec.featureCount()];
        java.util.Arrays.fill(values, Float.NaN);
    }

    public static FeatureRow of(ModelSpec spec) {
        return new FeatureRow(spec);
    }

    public FeatureRow set(String feature, Number value) {
        int column = spec.features().indexOf(feature);
        if (column < 0) {
            throw new IllegalArgumentException(spec.name() + " has no feature " + feature);
        }
        values[column] = value == null ? Float.NaN : value.floatValue();
        return this;
    }

    public FeatureRow set(String feature, boolean value) {
        return set(feature, value ? 1 : 0);
    }

    public float[] values() {
        return values.clone();
    }

    /** Names of the features that are missing or not finite. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                missing.add(spec.features().get(i));
            }
        }
        return missing;
    }
}
