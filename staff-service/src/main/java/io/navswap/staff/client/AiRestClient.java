package io.navswap.staff.client;

import io.navswap.staff.client.AiModels.DiversionAnswer;
import io.navswap.staff.client.AiModels.DiversionRequest;
import io.navswap.staff.client.AiModels.FaultAnswer;
import io.navswap.staff.client.AiModels.FaultRequest;
import io.navswap.staff.client.AiModels.TrafficAnswer;
import io.navswap.staff.client.AiModels.TrafficRequest;
import io.navswap.staff.client.AiModels.TrendAnswer;
import io.navswap.staff.client.AiModels.TrendRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ai-service (config key {@code ai}). Authorization is passed explicitly: the caller's or a service token. */
@RegisterRestClient(configKey = "ai")
@RegisterClientHeaders
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AiRestClient {

    @POST
    @Path("/predict-fault")
    Uni<FaultAnswer> predictFault(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, FaultRequest request);

    @POST
    @Path("/predict-battery-trend")
    Uni<TrendAnswer> predictBatteryTrend(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            TrendRequest request);

    @POST
    @Path("/forecast-traffic")
    Uni<TrafficAnswer> forecastTraffic(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            TrafficRequest request);

    @POST
    @Path("/predict-diversion")
    Uni<DiversionAnswer> predictDiversion(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            DiversionRequest request);
}
