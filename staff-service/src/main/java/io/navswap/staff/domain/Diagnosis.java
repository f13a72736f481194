package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Level 2: what the fault and battery-trend models (or their fallbacks) say, and the suggested fix. */
public class Diagnosis {
    public double faultProbability;
    public String riskLevel;
    /** SOH change per 100 cycles (negative = losing capacity). */
    @JsonProperty("soh_slope_per_100_cycles")
    public double sohSlopePer100Cycles;
    /** Cycles until SOH reaches the retirement line at the current slope; null when not declining. */
    public Integer cyclesToRetirement;
    /** Why level 2 ran: {@code recurring}, {@code station_spike}, {@code high_probability},
     * {@code critical_soh} (SOH below the retirement line). */
    public List<String> triggers;
    public String diagnosis;
    public String suggestedFix;
    /** Whether the fault goes on to level 3 (critical). */
    public boolean escalate;
    public Priority priority;
    public String faultSource;
    public String faultModelVersion;
    public String trendSource;
    public String trendModelVersion;
    public Instant diagnosedAt;
}
