package io.navswap.queue.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** staff-service (HELPERS cross-service contract). */
@RegisterRestClient(configKey = "staff")
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public interface StaffApi {

    @GET
    @Path("/on-duty")
    Uni<StaffOnDuty> onDuty(@QueryParam("station_id") String stationId, @QueryParam("staff_id") String staffId,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    /** {@code until}: when the duty that makes the answer true ends (absent when not on duty). */
    record StaffOnDuty(String stationId, String staffId, boolean onDuty, Instant until) {
    }

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return PeerRejectedException.map("staff-service", response);
    }
}
