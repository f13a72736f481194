package io.navswap.logistics.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPEC fallbacks and the wire shape of what is sent to ai-service (plain unit tests, no application). */
class HeuristicsTest {
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

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
                new AiRequests.ShopStock("FAR", 0, 0, 30, 40, 30, 9.0),
                new AiRequests.ShopStock("NEAR-EMPTY", 0, 0, 40, 40, 0, 1.0),
                new AiRequests.ShopStock("NEAR-FULL", 0, 0, 0, 40, 25, 2.0));
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
                new AiRequests.ShopStock("P", 1, 2, 3, 4, 5, 6)), AiRequests.PartnerAllocation.STORE));
        assertEquals(List.of("station_id", "latitude", "longitude", "battery_count", "hour", "shops"),
                fieldNames(allocation));
        assertEquals(List.of("shop_id", "latitude", "longitude", "free_slots", "capacity"),
                fieldNames(allocation.get("shops").get(0)));
    }

    @Test
    void aiServiceAnswersAreReadLeniently() throws Exception {
        Advice.StockOrder order = AiAdvisor.readStockOrder(mapper.readTree(
                "{\"station_id\":\"S\",\"order_quantity\":7,\"urgency\":\"high\",\"source\":\"onnx\",\"model_version\":\"1.0.0\"}"));
        assertTrue(order.reorder());
        assertEquals(7, order.quantity());
        Advice.Rebalancing moves = AiAdvisor.readRebalancing(mapper.readTree(
                "{\"moves\":[{\"from\":\"A\",\"to\":\"B\",\"count\":3,\"distance_km\":2.5}],\"source\":\"fallback\"}"));
        assertEquals(List.of(new Advice.Move("A", "B", 3)), moves.moves());
        assertEquals("ai:fallback:unknown", Advice.plannedBy(moves.source(), moves.modelVersion()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
