package io.navswap.queue.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** swap-service (HELPERS cross-service contract): idempotent upsert of a started swap. */
@RegisterRestClient(configKey = "swap")
@Path("/swap")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SwapApi {

    @PUT
    @Path("/{swap_id}/start")
    Uni<Response> start(@PathParam("swap_id") String swapId, SwapStart body,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    record SwapStart(String reservationId, String userId, String userName, String stationId, String staffId,
            Double batterySohMin) {
    }

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return PeerRejectedException.map("swap-service", response);
    }
}
