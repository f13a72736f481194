package io.navswap.shared.events;

/** Event subjects double as Kafka keys: one aggregate, one partition, one order. */
public final class Subjects {
    private Subjects() {
    }

    public static String station(String id) {
        return "station:" + id;
    }

    public static String user(String id) {
        return "user:" + id;
    }

    public static String job(String id) {
        return "job:" + id;
    }

    public static String battery(String id) {
        return "battery:" + id;
    }
}
