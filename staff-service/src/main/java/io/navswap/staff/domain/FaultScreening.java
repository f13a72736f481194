package io.navswap.staff.domain;

import java.time.Instant;

/** The fault model's answer for a level-1 fault; decides (with recurrence and station rate) on level 2. */
public class FaultScreening {
    public double faultProbability;
    public String riskLevel;
    /** {@code onnx} or {@code fallback} as answered by ai-service, {@code local-fallback} when it was down. */
    public String source;
    public String modelVersion;
    public Instant screenedAt;

    public FaultScreening() {
    }

    public FaultScreening(double faultProbability, String riskLevel, String source, String modelVersion,
            Instant screenedAt) {
        this.faultProbability = faultProbability;
        this.riskLevel = riskLevel;
        this.source = source;
        this.modelVersion = modelVersion;
        this.screenedAt = screenedAt;
    }
}
