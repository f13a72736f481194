package io.navswap.station.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ai-service ({@code quarkus.rest-client.ai.url}); use {@link AiPredictions}, which adds the resilience. */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AiClient {

    @POST
    @Path("/predict-load")
    Uni<JsonNode> predictLoad(Map<String, Object> features, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @POST
    @Path("/predict-arrival")
    Uni<JsonNode> predictArrival(Map<String, Object> features, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);
}
