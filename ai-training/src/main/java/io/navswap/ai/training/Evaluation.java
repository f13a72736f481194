package io.navswap.ai.training;

import io.navswap.ai.model.Fallbacks;
import io.navswap.ai.model.ModelSpec;
import java.util.List;

/**
 * Held-out quality of a model and of its fallback heuristic ({@link Fallbacks}, exactly as ai-service
 * answers without the model) on the same rows.
 */
final class Evaluation {
    private static final double EPSILON = 1e-7;

    record Scores(double model, double fallback) {
        /** Relative improvement over the fallback in percent (positive = the model is better). */
        double improvementPct(ModelSpec.Metric metric) {
            if (fallback == 0) {
                return 0;
            }
            double gain = metric.higherIsBetter ? model - fallback : fallback - model;
            return 100.0 * gain / Math.abs(fallback);
        }

        boolean modelBetter(ModelSpec.Metric metric) {
            return metric.higherIsBetter ? model > fallback : model < fallback;
        }
    }

    private Evaluation() {
    }

    static Scores score(Dataset heldOut, float[][] predictions) {
        ModelSpec spec = heldOut.spec();
        return switch (spec.metric()) {
            case MAE -> new Scores(mae(heldOut, column(predictions)), mae(heldOut, fallbackValues(heldOut)));
            case LOG_LOSS -> new Scores(logLoss(heldOut, column(predictions)), logLoss(heldOut, fallbackValues(heldOut)));
            case ACCURACY -> new Scores(accuracy(heldOut, argmax(predictions)), accuracy(heldOut, fallbackClasses(heldOut)));
            case CHOSEN_TURNAROUND -> new Scores(chosenTurnaround(heldOut, column(predictions), true),
                    chosenTurnaround(heldOut, distances(heldOut), false));
        };
    }

    /** What the fallback answers for each held-out row (value or probability). */
    static double[] fallbackValues(Dataset d) {
        double[] out = new double[d.rows()];
        switch (d.spec().name()) {
            case "load" -> java.util.Arrays.fill(out, Fallbacks.loadSwapsPerHour());
            case "fault" -> each(d, out, i -> Fallbacks.faultProbability(d.value(i, "soh")));
            case "traffic" -> each(d, out, i -> Fallbacks.trafficSwapsPerHour(d.value(i, "historical_average_per_hour")));
            case "micro-traffic" -> java.util.Arrays.fill(out, Fallbacks.microTrafficHeat());
            case "arrival" -> java.util.Arrays.fill(out, Fallbacks.arrivalMinutes());
            case "battery-trend" -> each(d, out,
                    i -> Fallbacks.batterySlopePer100Cycles(d.value(i, "soh"), d.value(i, "cycles")));
            case "rebalancing" -> perGroup(d, out, rows -> Fallbacks.equalisedTargets(
                    values(d, rows, "capacity"), values(d, rows, "charged")));
            case "diversion" -> perGroup(d, out, rows -> Fallbacks.proportionalStaff(
                    values(d, rows, "staff_on_duty"), values(d, rows, "predicted_load_per_hour")));
            case "stock-order" -> each(d, out,
                    i -> Fallbacks.stockOrderQuantity(d.value(i, "capacity"), d.value(i, "charged")));
            case "energy-stability" -> each(d, out, i -> Fallbacks.energyStability(d.value(i, "smoothed_cv")));
            case "station-reliability" -> java.util.Arrays.fill(out, Fallbacks.stationReliability());
            default -> throw new IllegalArgumentException("no value fallback for " + d.spec().name());
        }
        return out;
    }

    private static int[] fallbackClasses(Dataset d) {
        int[] out = new int[d.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fallbacks.actionClass(d.value(i, "queue_length"));
        }
        return out;
    }

    private static double[] distances(Dataset d) {
        double[] out = new double[d.rows()];
        each(d, out, i -> d.value(i, "distance_km"));
        return out;
    }

    /**
     * Mean real turnaround of the shop each method picks first in every scenario: the lowest score among the
     * shops with room for all batteries (among all shops if none has room).
     */
    private static double chosenTurnaround(Dataset d, double[] score, boolean model) {
        double total = 0;
        List<List<Integer>> groups = d.groups();
        for (List<Integer> rows : groups) {
            int best = -1;
            boolean bestHasRoom = false;
            for (int i : rows) {
                boolean room = d.value(i, "free_slots") >= d.value(i, "batteries");
                if (best < 0 || (room && !bestHasRoom) || (room == bestHasRoom && score[i] < score[best])) {
                    best = i;
                    bestHasRoom = room;
                }
            }
            total += d.y()[best];
        }
        return total / groups.size();
    }

    static double mae(Dataset d, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - d.y()[i]);
        }
        return sum / predicted.length;
    }

    static double logLoss(Dataset d, double[] probability) {
        double sum = 0;
        for (int i = 0; i < probability.length; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probability[i]));
            sum -= d.y()[i] > 0.5 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probability.length;
    }

    static double accuracy(Dataset d, int[] predicted) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == (int) d.y()[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }

    private static double[] column(float[][] predictions) {
        double[] out = new double[predictions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions[i][0];
        }
        return out;
    }

    private static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static double[] values(Dataset d, List<Integer> rows, String feature) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = d.value(rows.get(k), feature);
        }
        return out;
    }

    private static void each(Dataset d, double[] out, java.util.function.IntToDoubleFunction f) {
        for (int i = 0; i < d.rows(); i++) {
            out[i] = f.applyAsDouble(i);
        }
    }

    private static void perGroup(Dataset d, double[] out, java.util.function.Function<List<Integer>, double[]> f) {
        for (List<Integer> rows : d.groups()) {
            double[] values = f.apply(rows);
            for (int k = 0; k < rows.size(); k++) {
                out[rows.get(k)] = values[k];
            }
        }
    }
}
