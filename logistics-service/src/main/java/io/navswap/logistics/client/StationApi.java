package io.navswap.logistics.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * station-service, as far as logistics needs it. Answers are read as JSON trees and mapped leniently in
 * {@link StationClient}, so an added field on the other side never breaks this service. Always called with
 * logistics' own service token: the data is directory data, not the caller's.
 */
@RegisterRestClient(configKey = "station")
@Produces(MediaType.APPLICATION_JSON)
public interface StationApi {

    @GET
    @Path("/station/{id}")
    Uni<JsonNode> station(@PathParam("id") String stationId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/partner-shops")
    Uni<JsonNode> partnerShops(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Batteries at a station in a status (station-service lists by station, not by partner shop). */
    @GET
    @Path("/batteries")
    Uni<JsonNode> batteries(@QueryParam("station_id") String stationId, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
