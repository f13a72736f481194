package io.navswap.queue.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ai-service customer-arrival model (SPEC §6: minutes to next customer), in ai-service's own shapes. */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ArrivalApi {

    @POST
    @Path("/predict-arrival")
    Uni<ArrivalPrediction> predictArrival(ArrivalRequest request, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    /**
     * {@code POST /ai/predict-arrival}: required {@code station_id, city}; {@code hour} (0..23) and
     * {@code day_of_week} (1 = Monday) at the station; {@code recent_arrivals_per_hour} (without it ai-service answers
     * with its fallback); {@code approaching_reservations} (inside the 1 km geofence); {@code queue_length}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArrivalRequest(String stationId, String city, Integer hour, Integer dayOfWeek, Double recentArrivalsPerHour,
            Integer approachingReservations, Integer queueLength) {
    }

    /** ai-service's answer; {@code source} is {@code onnx} (the model) or {@code fallback} (ai-service's 5 min). */
    record ArrivalPrediction(String stationId, Double minutesToNextCustomer, String model, String source,
            String modelVersion, String fallbackReason, Boolean cached) {
    }
}
