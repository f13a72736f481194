package io.navswap.logistics.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPEC fallbacks and the wire shape of what is sent to ai-service (plain unit tests, no application). */
class HeuristicsTest {
    /** Like the application's: snake_case, unknown fields ignored. */
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void stockOrderReordersBelowTwentyPercentUpToHalfCapacity() {
        Advice.StockOrder low = Heuristics.stockOrder(new AiRequests.StockOrder("S", 30, 5, 10, null, null, 9), 0.2, 0.5);
        assertTrue(low.reorder());
        assertEquals(10, low.quantity());
        assertEquals("medium", low.urgency());
        Advice.StockOrder empty = Heuristics.stockOrder(new AiRequests.StockOrder("S", 30, 0, 10, null, null, 9), 0.2, 0.5);
        assertEquals("critical", empty.urgency());
        Advice.StockOrder fine = Heuristics.stockOrder(new AiRequests.StockOrder("S", 30, 6, 10, null, null, 9), 0.2, 0.5);
        assertFalse(fine.reorder());
        assertEquals(0, fine.quantity());
    }

    @Test
    void equaliseTakesFromTheFullestStation() {
        AiRequests.Rebalancing request = new AiRequests.Rebalancing(List.of(
                new AiRequests.StationStock("T", 20, 1, 5, null, 0, 0, 0, 0),
                new AiRequests.StationStock("NEAR", 20, 13, 0, null, 0, 0, 3, 2),
                new AiRequests.StationStock("FULL", 20, 20, 0, null, 0, 0, 10, 20)), 4, 9, "T", 9);
        Advice.Rebalancing advice = Heuristics.equalise(request);
        assertEquals(List.of(new Advice.Move("FULL", "T", 9)), advice.moves());
        assertEquals(Advice.LOCAL_HEURISTIC, advice.source());
    }

    @Test
    void nearestShopThatCanGiveOrTake() {
        List<AiRequests.ShopStock> shops = List.of(
                new AiRequests.ShopStock("FAR", 0, 0, 30, 40, 3.0, 30, 9.0),
                new AiRequests.ShopStock("NEAR-EMPTY", 0, 0, 40, 40, 3.0, 0, 1.0),
                new AiRequests.ShopStock("NEAR-FULL", 0, 0, 0, 40, 3.0, 25, 2.0));
        assertEquals(List.of(new Advice.Assignment("NEAR-FULL", 5)), Heuristics.nearestShop(
                new AiRequests.PartnerAllocation("S", 0, 0, 5, 9, shops, AiRequests.PartnerAllocation.COLLECT))
                .assignments());
        assertEquals(List.of(new Advice.Assignment("NEAR-EMPTY", 5)), Heuristics.nearestShop(
                new AiRequests.PartnerAllocation("S", 0, 0, 5, 9, shops, AiRequests.PartnerAllocation.STORE))
                .assignments());
    }

    @Test
    void onlyAiServiceFieldsAreSent() throws Exception {
        JsonNode rebalancing = mapper.valueToTree(new AiRequests.Rebalancing(List.of(
                new AiRequests.StationStock("T", 20, 1, 5, 3.0, 12.9, 77.6, 0, 0)), 4, 9, "T", 9));
        assertEquals(List.of("stations", "horizon_hours", "hour"), fieldNames(rebalancing));
        assertEquals(List.of("station_id", "capacity", "charged", "charging", "predicted_load_per_hour", "latitude",
                "longitude"), fieldNames(rebalancing.get("stations").get(0)));
        JsonNode allocation = mapper.valueToTree(new AiRequests.PartnerAllocation("S", 1, 2, 3, 9, List.of(
                new AiRequests.ShopStock("P", 1, 2, 3, 4, 2.5, 5, 6)), AiRequests.PartnerAllocation.STORE));
        assertEquals(List.of("station_id", "latitude", "longitude", "battery_count", "hour", "shops"),
                fieldNames(allocation));
        assertEquals(List.of("shop_id", "latitude", "longitude", "free_slots", "capacity",
                "handling_minutes_per_battery"), fieldNames(allocation.get("shops").get(0)));
        // Unknown optional figures are left out (ai-service then applies its default or its fallback).
        JsonNode order = mapper.valueToTree(new AiRequests.StockOrder("S", 30, 5, 10, null, null, 9));
        assertEquals(List.of("station_id", "capacity", "charged", "charging", "hour"), fieldNames(order));
    }

    @Test
    void aiServiceAnswersAreReadInTheirOwnShapes() throws Exception {
        Advice.StockOrder order = AiAdvisor.readStockOrder(mapper.readValue(
                "{\"station_id\":\"S\",\"order_quantity\":7,\"urgency\":\"high\",\"hours_of_cover\":1.5,"
                        + "\"model\":\"stock-order\",\"source\":\"onnx\",\"model_version\":\"1.0.0\",\"cached\":false}",
                AiApi.StockOrderAnswer.class));
        assertTrue(order.reorder());
        assertEquals(7, order.quantity());
        assertEquals("ai:onnx:1.0.0", Advice.plannedBy(order.source(), order.modelVersion()));
        Advice.Rebalancing moves = AiAdvisor.readRebalancing(mapper.readValue(
                "{\"moves\":[{\"from\":\"A\",\"to\":\"B\",\"count\":3,\"distance_km\":2.5}],\"batteries_moved\":3,"
                        + "\"model\":\"rebalancing\",\"source\":\"fallback\",\"model_version\":\"heuristic-v1\","
                        + "\"fallback_reason\":\"model disabled\",\"cached\":false}",
                AiApi.RebalancingAnswer.class));
        assertEquals(List.of(new Advice.Move("A", "B", 3)), moves.moves());
        assertEquals("ai:fallback:heuristic-v1", Advice.plannedBy(moves.source(), moves.modelVersion()));
        Advice.PartnerAllocation shops = AiAdvisor.readPartnerAllocation(mapper.readValue(
                "{\"station_id\":\"S\",\"assignments\":[{\"shop_id\":\"P\",\"count\":4,\"distance_km\":3.1,"
                        + "\"estimated_turnaround_minutes\":41.0}],\"unassigned\":0,\"model\":\"partner-allocation\","
                        + "\"source\":\"onnx\",\"model_version\":\"1.0.0\",\"cached\":true}",
                AiApi.PartnerAllocationAnswer.class));
        assertEquals(List.of(new Advice.Assignment("P", 4)), shops.assignments());
        // A guessed name is not read: an answer without ai-service's fields is a failed call (then the heuristic).
        assertThrows(IllegalStateException.class, () -> AiAdvisor.readStockOrder(mapper.readValue(
                "{\"quantity\":7,\"source\":\"onnx\"}", AiApi.StockOrderAnswer.class)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
