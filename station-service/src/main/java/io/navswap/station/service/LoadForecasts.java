package io.navswap.station.service;

import io.navswap.station.client.AiClient.LoadRequest;
import io.navswap.station.client.AiPredictions;
import io.navswap.station.client.AiPredictions.Load;
import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.Station;
import io.navswap.station.repository.RecentSwapsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * The predicted load shown in a station's status: ai-service's load model for the coming hour (station time),
 * fed with the station's city, capacity and the swaps completed there in the last hour. Always answers a number;
 * its {@code source} says whether the model, ai-service's fallback or the local baseline produced it.
 */
@ApplicationScoped
public class LoadForecasts {
    private final AiPredictions ai;
    private final RecentSwapsRepository recentSwaps;
    private final StationConfig config;

    LoadForecasts(AiPredictions ai, RecentSwapsRepository recentSwaps, StationConfig config) {
        this.ai = ai;
        this.recentSwaps = recentSwaps;
        this.config = config;
    }

    public Uni<Load> comingHour(Station station, String authorization, String requestId) {
        ZonedDateTime now = ZonedDateTime.now(config.zone());
        ZonedDateTime next = now.plusHours(1);
        return recentSwaps.completedSince(station.id, now.toInstant().minus(Duration.ofHours(1)))
                .map(Integer::doubleValue)
                // Unknown recent swaps: ai-service answers with its fallback and says which feature was missing.
                .onFailure().recoverWithNull()
                .chain(recent -> ai.predictLoad(new LoadRequest(station.id, station.city, station.capacity,
                        next.getHour(), next.getDayOfWeek().getValue(), recent), authorization, requestId));
    }
}
