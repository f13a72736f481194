package io.navswap.queue.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** station-service (HELPERS cross-service contract). Headers are passed explicitly so retries keep them. */
@RegisterRestClient(configKey = "station")
@Path("/station")
@Produces(MediaType.APPLICATION_JSON)
public interface StationApi {

    @GET
    @Path("/{id}")
    Uni<StationView> station(@PathParam("id") String stationId, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return PeerRejectedException.map("station-service", response);
    }
}
