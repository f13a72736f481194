package io.navswap.station.rest;

/** Id formats accepted on input. */
public final class Ids {
    public static final String STATION = "ST-[A-Z0-9]{2,8}-[0-9]{1,6}";
    public static final String BATTERY = "BAT-[A-Z0-9][A-Z0-9-]{0,40}";
    public static final String PARTNER_SHOP = "PS-[A-Z0-9]{2,8}-[0-9]{1,6}";
    /** Swap ids are made by swap-service; only their shape is checked. */
    public static final String SWAP = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

    private Ids() {
    }
}
