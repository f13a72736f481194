package io.navswap.logistics.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.messaging.ServiceTokens;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks ai-service's stock-order, rebalancing and partner-allocation models. Runs from the Kafka consumer, so
 * it calls with logistics' own service token. Predictions have no side effects, so one retry is safe. When
 * ai-service is slow, down, its circuit is open, or its answer cannot be read, the SPEC heuristic answers
 * instead (marked {@code source = heuristic}): a shortage is never left unplanned because a model is away.
 */
@ApplicationScoped
public class AiAdvisor {
    private static final Logger LOG = Logger.getLogger(AiAdvisor.class);

    private final AiApi api;
    private final ServiceTokens tokens;
    private final LogisticsConfig config;

    AiAdvisor(@RestClient AiApi api, ServiceTokens tokens, LogisticsConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.config = config;
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Fallback(fallbackMethod = "stockOrderHeuristic")
    public Uni<Advice.StockOrder> stockOrder(AiRequests.StockOrder request) {
        return api.stockOrder(tokens.bearer(), request).map(AiAdvisor::readStockOrder);
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Fallback(fallbackMethod = "rebalancingHeuristic")
    public Uni<Advice.Rebalancing> rebalancing(AiRequests.Rebalancing request) {
        return api.rebalancing(tokens.bearer(), request).map(AiAdvisor::readRebalancing);
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Fallback(fallbackMethod = "partnerAllocationHeuristic")
    public Uni<Advice.PartnerAllocation> partnerAllocation(AiRequests.PartnerAllocation request) {
        return api.partnerAllocation(tokens.bearer(), request).map(AiAdvisor::readPartnerAllocation);
    }

    Uni<Advice.StockOrder> stockOrderHeuristic(AiRequests.StockOrder request, Throwable failure) {
        LOG.warnf("Stock-order model unavailable (%s); reorder rule at %.0f %% of capacity applies to %s",
                describe(failure), config.rebalancing().lowStockRatio() * 100, request.stationId());
        return Uni.createFrom().item(Heuristics.stockOrder(request, config.rebalancing().lowStockRatio(),
                config.rebalancing().targetRatio()));
    }

    Uni<Advice.Rebalancing> rebalancingHeuristic(AiRequests.Rebalancing request, Throwable failure) {
        LOG.warnf("Rebalancing model unavailable (%s); equalising inventory for %s", describe(failure),
                request.targetStationId());
        return Uni.createFrom().item(Heuristics.equalise(request));
    }

    Uni<Advice.PartnerAllocation> partnerAllocationHeuristic(AiRequests.PartnerAllocation request, Throwable failure) {
        LOG.warnf("Partner-allocation model unavailable (%s); nearest shop for %s", describe(failure),
                request.stationId());
        return Uni.createFrom().item(Heuristics.nearestShop(request));
    }

    static Advice.StockOrder readStockOrder(JsonNode answer) {
        Integer quantity = Json.integer(answer, "quantity", "order_quantity", "recommended_quantity", "reorder_quantity");
        Boolean reorder = Json.bool(answer, "reorder", "should_reorder");
        if (quantity == null && reorder == null) {
            throw new IllegalStateException("stock-order answer has neither quantity nor reorder");
        }
        int q = quantity == null ? 0 : Math.max(0, quantity);
        return new Advice.StockOrder(reorder != null ? reorder : q > 0, q, Json.text(answer, "urgency", "priority"),
                Json.text(answer, "source"), Json.text(answer, "model_version"));
    }

    static Advice.Rebalancing readRebalancing(JsonNode answer) {
        List<Advice.Move> moves = new ArrayList<>();
        for (JsonNode move : Json.list(answer, "moves", "recommendations", "transfers")) {
            String from = Json.text(move, "from_station_id", "from", "source_station_id", "source_id");
            String to = Json.text(move, "to_station_id", "to", "destination_station_id", "destination_id");
            Integer count = Json.integer(move, "count", "battery_count", "quantity", "batteries");
            if (from != null && to != null && count != null && count > 0) {
                moves.add(new Advice.Move(from, to, count));
            }
        }
        return new Advice.Rebalancing(moves, Json.text(answer, "source"), Json.text(answer, "model_version"));
    }

    static Advice.PartnerAllocation readPartnerAllocation(JsonNode answer) {
        List<Advice.Assignment> assignments = new ArrayList<>();
        for (JsonNode assignment : Json.list(answer, "assignments", "allocations")) {
            String shop = Json.text(assignment, "shop_id", "partner_shop_id", "id");
            Integer count = Json.integer(assignment, "count", "battery_count", "quantity", "batteries");
            if (shop != null && count != null && count > 0) {
                assignments.add(new Advice.Assignment(shop, count));
            }
        }
        return new Advice.PartnerAllocation(assignments, Json.text(answer, "source"), Json.text(answer, "model_version"));
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no answer" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
