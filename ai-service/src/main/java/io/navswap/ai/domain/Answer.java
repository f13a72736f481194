package io.navswap.ai.domain;

/** What every prediction answer says besides its prediction: which model, who answered, whether cached. */
public interface Answer {
    String model();

    PredictionSource source();

    String modelVersion();

    boolean cached();
}
