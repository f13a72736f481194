package io.navswap.station.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * staff-service ({@code quarkus.rest-client.staff.url}). The caller's token and request id are passed explicitly:
 * resilience wrappers may run the call off the request's context, where header propagation would not find them.
 * Use {@link StaffDirectory}, which adds timeout, retry, circuit breaker and fallback.
 */
@RegisterRestClient(configKey = "staff")
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public interface StaffClient {

    /** Staff on duty now at the station. */
    @GET
    @Path("/station/{stationId}")
    Uni<JsonNode> onDuty(@PathParam("stationId") String stationId, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);
}
