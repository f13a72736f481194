package io.navswap.station.rest;

public record Recommendation(
        int rank,
        String stationId,
        String name,
        String city,
        double latitude,
        double longitude,
        String address,
        double score,
        int chargedAvailable,
        Double bestChargedSoh,
        ScoreBreakdown breakdown) {
}
