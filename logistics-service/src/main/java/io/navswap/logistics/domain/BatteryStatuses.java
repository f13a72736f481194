package io.navswap.logistics.domain;

/** Battery status names as station-service counts them in {@code inventory.changed}. */
public final class BatteryStatuses {
    public static final String CHARGED = "charged";
    public static final String CHARGING = "charging";
    public static final String IN_USE = "in_use";
    public static final String QUARANTINED = "quarantined";
    public static final String IN_TRANSIT = "in_transit";
    public static final String AT_PARTNER = "at_partner";

    private BatteryStatuses() {
    }
}
