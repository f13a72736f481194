package io.navswap.station.service;

import io.navswap.shared.problem.ProblemException;

/** The business problems of station-service, one stable slug each (the problem {@code type} suffix). */
public final class StationProblems {
    private StationProblems() {
    }

    public static ProblemException stationNotFound(String id) {
        return new ProblemException(404, "station-not-found", "Station not found", "Station " + id + " does not exist");
    }

    public static ProblemException stationExists(String id) {
        return new ProblemException(409, "station-exists", "Station exists", "Station " + id + " already exists");
    }

    public static ProblemException batteryNotFound(String id) {
        return new ProblemException(404, "battery-not-found", "Battery not found",
                "Battery " + id + " does not exist or has been retired");
    }

    public static ProblemException batteryExists(String id) {
        return new ProblemException(409, "battery-exists", "Battery exists", "Battery " + id + " already exists");
    }

    public static ProblemException partnerShopNotFound(String id) {
        return new ProblemException(404, "partner-shop-not-found", "Partner shop not found",
                "Partner shop " + id + " does not exist");
    }

    public static ProblemException versionConflict(String what, String id, long expected, long actual) {
        return new ProblemException(409, "version-conflict", "Version conflict",
                what + " " + id + " is at version " + actual + ", not " + expected + "; read it again and retry");
    }

    public static ProblemException concurrentUpdate(String what, String id) {
        return new ProblemException(409, "concurrent-update", "Concurrent update",
                what + " " + id + " was changed by another request meanwhile; read it again and retry");
    }

    public static ProblemException invalidTransition(String id, Object from, Object to) {
        return new ProblemException(409, "invalid-transition", "Invalid status transition",
                "Battery " + id + " cannot move from " + from + " to " + to);
    }

    public static ProblemException statusLocationMismatch(Object status, Object location) {
        return new ProblemException(400, "status-location-mismatch", "Status does not fit location",
                "A battery with status " + status + " cannot be at a location of type " + location);
    }

    public static ProblemException notRetirable(String id, Object status) {
        return new ProblemException(409, "battery-not-retirable", "Battery cannot be retired now",
                "Battery " + id + " is " + status + "; only batteries at a station or partner shop can be retired");
    }
}
