package io.navswap.ai.model;

/**
 * Features of a station's recent power draw (kW samples, oldest first), computed the same way for training
 * and serving.
 */
public final class PowerFeatures {
    /** Smoothing factor of the exponential moving average ("power smoothing"). */
    public static final double EMA_ALPHA = 0.3;

    private PowerFeatures() {
    }

    public static double[] ema(double[] series) {
        double[] smoothed = new double[series.length];
        double value = series[0];
        for (int i = 0; i < series.length; i++) {
            value = i == 0 ? series[0] : EMA_ALPHA * series[i] + (1 - EMA_ALPHA) * value;
            smoothed[i] = value;
        }
        return smoothed;
    }

    public static double mean(double[] series) {
        double sum = 0;
        for (double v : series) {
            sum += v;
        }
        return sum / series.length;
    }

    /** Coefficient of variation (std / mean) of the EMA-smoothed series; 0 for an idle station. */
    public static double smoothedCv(double[] series) {
        double[] smoothed = ema(series);
        double mean = mean(smoothed);
        if (mean <= 1e-9) {
            return 0.0;
        }
        double var = 0;
        for (double v : smoothed) {
            var += (v - mean) * (v - mean);
        }
        return StrictMath.sqrt(var / smoothed.length) / mean;
    }

    public static double loadFactor(double[] series, double gridLimitKw) {
        return mean(series) / gridLimitKw;
    }

    public static double peakToMean(double[] series) {
        double mean = mean(series);
        if (mean <= 1e-9) {
            return 1.0;
        }
        double peak = 0;
        for (double v : series) {
            peak = Math.max(peak, v);
        }
        return peak / mean;
    }
}
