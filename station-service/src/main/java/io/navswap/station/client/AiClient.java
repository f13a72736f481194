package io.navswap.station.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ai-service ({@code quarkus.rest-client.ai.url}) in its own request and answer shapes (ai-service README);
 * use {@link AiPredictions}, which adds the resilience and the fallbacks.
 */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AiClient {

    @POST
    @Path("/predict-load")
    Uni<LoadAnswer> predictLoad(LoadRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @POST
    @Path("/predict-arrival")
    Uni<ArrivalAnswer> predictArrival(ArrivalRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    /**
     * {@code POST /ai/predict-load}: required {@code station_id, city, capacity} (1..500); {@code hour} (0..23) and
     * {@code day_of_week} (1 = Monday) of the predicted hour; {@code recent_swaps_per_hour} (without it ai-service
     * answers with its fallback).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoadRequest(String stationId, String city, int capacity, Integer hour, Integer dayOfWeek,
            Double recentSwapsPerHour) {
    }

    /** ai-service's {@code LoadPrediction}; {@code source} is {@code onnx} or {@code fallback}. */
    record LoadAnswer(String stationId, Integer hour, Integer dayOfWeek, Double predictedSwapsPerHour, String model,
            String source, String modelVersion, String fallbackReason, Boolean cached) {
    }

    /**
     * {@code POST /ai/predict-arrival}: required {@code station_id, city}; {@code hour}, {@code day_of_week},
     * {@code recent_arrivals_per_hour} (without it ai-service answers with its fallback), {@code queue_length}.
     * {@code approaching_reservations} is queue-service's to know and is left out (ai-service takes 0).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArrivalRequest(String stationId, String city, Integer hour, Integer dayOfWeek, Double recentArrivalsPerHour,
            Integer queueLength) {
    }

    /** ai-service's {@code ArrivalPrediction}. */
    record ArrivalAnswer(String stationId, Double minutesToNextCustomer, String model, String source,
            String modelVersion, String fallbackReason, Boolean cached) {
    }
}
