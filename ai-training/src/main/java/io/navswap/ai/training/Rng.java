package io.navswap.ai.training;

import java.util.Random;

/**
 * Seeded random draws for the data generator. java.util.Random's sequence is specified by the JLS and all
 * transcendental functions use StrictMath, so the same seed gives the same rows on every machine.
 */
final class Rng {
    private final Random random;

    Rng(long seed) {
        this.random = new Random(seed);
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Inclusive integer range. */
    int integer(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean bernoulli(double p) {
        return random.nextDouble() < p;
    }

    double normal(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    double logNormal(double sigma) {
        return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }

    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /** Knuth's method below 30, a rounded normal approximation above (error negligible there). */
    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda >= 30) {
            return (int) Math.max(0, Math.round(normal(lambda, StrictMath.sqrt(lambda))));
        }
        double limit = StrictMath.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }
}
