package io.navswap.station.domain;

/** The transport job a battery travels with, and the status it had before it left. */
public class TransitLeg {
    public String jobId;
    public LocationType fromType;
    public String fromId;
    public LocationType toType;
    public String toId;
    public BatteryStatus previousStatus;

    public TransitLeg() {
    }
}
