package io.navswap.logistics.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The three ai-service models logistics consults (SPEC §6), in ai-service's own request ({@link AiRequests}) and
 * answer shapes (its README). {@link AiAdvisor} checks the answers and adds the resilience.
 */
@RegisterRestClient(configKey = "ai")
@Path("/ai")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AiApi {

    @POST
    @Path("/predict-stock-order")
    Uni<StockOrderAnswer> stockOrder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            AiRequests.StockOrder request);

    @POST
    @Path("/predict-rebalancing")
    Uni<RebalancingAnswer> rebalancing(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            AiRequests.Rebalancing request);

    @POST
    @Path("/predict-partner-allocation")
    Uni<PartnerAllocationAnswer> partnerAllocation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            AiRequests.PartnerAllocation request);

    /** {@code urgency}: none, normal, high or critical; {@code source}: onnx or fallback. */
    record StockOrderAnswer(String stationId, Integer orderQuantity, String urgency, Double hoursOfCover,
            String model, String source, String modelVersion, String fallbackReason, Boolean cached) {
    }

    /** A move of {@code count} charged batteries from station {@code from} to station {@code to}. */
    record MoveAnswer(String from, String to, Integer count, Double distanceKm) {
    }

    record RebalancingAnswer(List<MoveAnswer> moves, Integer batteriesMoved, String model, String source,
            String modelVersion, String fallbackReason, Boolean cached) {
    }

    record ShopAssignmentAnswer(String shopId, Integer count, Double distanceKm, Double estimatedTurnaroundMinutes) {
    }

    /** Assignments in the order to use them; {@code unassigned} batteries found no free slot. */
    record PartnerAllocationAnswer(String stationId, List<ShopAssignmentAnswer> assignments, Integer unassigned,
            String model, String source, String modelVersion, String fallbackReason, Boolean cached) {
    }
}
