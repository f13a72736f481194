package io.navswap.logistics.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The three ai-service models logistics consults (SPEC §6). Answers are mapped leniently by {@link AiAdvisor}. */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AiApi {

    @POST
    @Path("/predict-stock-order")
    Uni<JsonNode> stockOrder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AiRequests.StockOrder request);

    @POST
    @Path("/predict-rebalancing")
    Uni<JsonNode> rebalancing(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AiRequests.Rebalancing request);

    @POST
    @Path("/predict-partner-allocation")
    Uni<JsonNode> partnerAllocation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            AiRequests.PartnerAllocation request);
}
