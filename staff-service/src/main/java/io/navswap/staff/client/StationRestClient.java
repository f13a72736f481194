package io.navswap.staff.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** station-service (config key {@code station}). Authorization is passed explicitly: the caller's or a service token. */
@RegisterRestClient(configKey = "station")
@RegisterClientHeaders
@Path("/station")
@Produces(MediaType.APPLICATION_JSON)
public interface StationRestClient {

    @GET
    @Path("/list")
    Uni<List<StationSummary>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
