package io.navswap.queue.rest;

/** Shapes of ids accepted in paths and bodies; anything else is refused before it reaches a query. */
final class Ids {
    static final String STATION = "[A-Za-z0-9_-]{1,64}";
    static final String STATION_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";
    static final String RESERVATION = "[A-Za-z0-9_-]{1,64}";
    static final String RESERVATION_MESSAGE = "must be a reservation id";

    private Ids() {
    }
}
