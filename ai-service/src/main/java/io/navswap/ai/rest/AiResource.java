package io.navswap.ai.rest;

import io.navswap.ai.domain.ModelState;
import io.navswap.ai.domain.ReloadOutcome;
import io.navswap.ai.service.ModelRegistry;
import io.navswap.ai.service.PredictionService;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The 13 prediction endpoints of SPEC.md section 6 (any signed-in user, or another service), the model status
 * and the admin reload. Every answer carries {@code source} (onnx | fallback) and {@code model_version}.
 */
@Path("/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
public class AiResource {
    private final PredictionService predictions;
    private final ModelRegistry models;

    AiResource(PredictionService predictions, ModelRegistry models) {
        this.predictions = predictions;
        this.models = models;
    }

    @POST
    @Path("/predict-load")
    public Uni<LoadPrediction> predictLoad(@Valid @NotNull PredictLoadRequest request) {
        return predictions.load(request);
    }

    @POST
    @Path("/predict-fault")
    public Uni<FaultPrediction> predictFault(@Valid @NotNull PredictFaultRequest request) {
        return predictions.fault(request);
    }

    @POST
    @Path("/predict-action")
    public Uni<ActionPrediction> predictAction(@Valid @NotNull PredictActionRequest request) {
        return predictions.action(request);
    }

    @POST
    @Path("/forecast-traffic")
    public Uni<TrafficForecast> forecastTraffic(@Valid @NotNull ForecastTrafficRequest request) {
        return predictions.traffic(request);
    }

    @POST
    @Path("/predict-micro-traffic")
    public Uni<MicroTrafficPrediction> predictMicroTraffic(@Valid @NotNull PredictMicroTrafficRequest request) {
        return predictions.microTraffic(request);
    }

    @POST
    @Path("/predict-arrival")
    public Uni<ArrivalPrediction> predictArrival(@Valid @NotNull PredictArrivalRequest request) {
        return predictions.arrival(request);
    }

    @POST
    @Path("/predict-battery-trend")
    public Uni<BatteryTrendPrediction> predictBatteryTrend(@Valid @NotNull PredictBatteryTrendRequest request) {
        return predictions.batteryTrend(request);
    }

    @POST
    @Path("/predict-rebalancing")
    public Uni<RebalancingPrediction> predictRebalancing(@Valid @NotNull PredictRebalancingRequest request) {
        return predictions.rebalancing(request);
    }

    @POST
    @Path("/predict-diversion")
    public Uni<DiversionPrediction> predictDiversion(@Valid @NotNull PredictDiversionRequest request) {
        return predictions.diversion(request);
    }

    @POST
    @Path("/predict-stock-order")
    public Uni<StockOrderPrediction> predictStockOrder(@Valid @NotNull PredictStockOrderRequest request) {
        return predictions.stockOrder(request);
    }

    @POST
    @Path("/predict-partner-allocation")
    public Uni<PartnerAllocationPrediction> predictPartnerAllocation(
            @Valid @NotNull PredictPartnerAllocationRequest request) {
        return predictions.partnerAllocation(request);
    }

    @POST
    @Path("/predict-energy-stability")
    public Uni<EnergyStabilityPrediction> predictEnergyStability(
            @Valid @NotNull PredictEnergyStabilityRequest request) {
        return predictions.energyStability(request);
    }

    @POST
    @Path("/predict-station-reliability")
    public Uni<StationReliabilityPrediction> predictStationReliability(
            @Valid @NotNull PredictStationReliabilityRequest request) {
        return predictions.stationReliability(request);
    }

    @GET
    @Path("/model-status")
    public ModelStatusResponse modelStatus() {
        List<ModelState> states = models.status();
        int loaded = (int) states.stream().filter(s -> ModelState.LOADED.equals(s.state())).count();
        return new ModelStatusResponse(loaded, states.size() - loaded, states);
    }

    /** Re-reads the models directory (blocking: runs on a worker thread). */
    @POST
    @Path("/models/reload")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public ReloadResponse reload() {
        List<ReloadOutcome> outcomes = models.reload();
        int loaded = (int) outcomes.stream().filter(o -> ModelState.LOADED.equals(o.state())).count();
        int refused = (int) outcomes.stream().filter(o -> "refused".equals(o.outcome())).count();
        return new ReloadResponse(loaded, outcomes.size() - loaded, refused, outcomes);
    }
}
