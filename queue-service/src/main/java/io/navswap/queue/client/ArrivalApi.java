package io.navswap.queue.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ai-service customer-arrival model (SPEC §6: minutes to next customer). */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ArrivalApi {

    @POST
    @Path("/predict-arrival")
    Uni<ArrivalPrediction> predictArrival(ArrivalQuery query, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    record ArrivalQuery(String stationId, int queueLength, int hourOfDay, int dayOfWeek) {
    }

    record ArrivalPrediction(Double minutesToNextCustomer, String source, String modelVersion) {
    }
}
