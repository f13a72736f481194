package io.navswap.logistics.client;

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

    static Advice.StockOrder readStockOrder(AiApi.StockOrderAnswer answer) {
        if (answer == null || answer.orderQuantity() == null || answer.source() == null) {
            throw new IllegalStateException("stock-order answer without order_quantity/source");
        }
        int quantity = Math.max(0, answer.orderQuantity());
        return new Advice.StockOrder(quantity > 0, quantity, answer.urgency(), answer.source(), answer.modelVersion());
    }

    static Advice.Rebalancing readRebalancing(AiApi.RebalancingAnswer answer) {
        if (answer == null || answer.moves() == null || answer.source() == null) {
            throw new IllegalStateException("rebalancing answer without moves/source");
        }
        List<Advice.Move> moves = new ArrayList<>();
        for (AiApi.MoveAnswer move : answer.moves()) {
            if (move != null && move.from() != null && move.to() != null && move.count() != null && move.count() > 0) {
                moves.add(new Advice.Move(move.from(), move.to(), move.count()));
            }
        }
        return new Advice.Rebalancing(moves, answer.source(), answer.modelVersion());
    }

    static Advice.PartnerAllocation readPartnerAllocation(AiApi.PartnerAllocationAnswer answer) {
        if (answer == null || answer.assignments() == null || answer.source() == null) {
            throw new IllegalStateException("partner-allocation answer without assignments/source");
        }
        List<Advice.Assignment> assignments = new ArrayList<>();
        for (AiApi.ShopAssignmentAnswer assignment : answer.assignments()) {
            if (assignment != null && assignment.shopId() != null && assignment.count() != null
                    && assignment.count() > 0) {
                assignments.add(new Advice.Assignment(assignment.shopId(), assignment.count()));
            }
        }
        return new Advice.PartnerAllocation(assignments, answer.source(), answer.modelVersion());
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no answer" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
