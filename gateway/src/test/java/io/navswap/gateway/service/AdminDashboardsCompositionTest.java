package io.navswap.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure composition rules of the dashboards: sums, partial answers and who is named unavailable. */
class AdminDashboardsCompositionTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private DashboardSheet sheet() {
        return new DashboardSheet(mapper, Instant.parse("2026-03-01T10:30:00Z"));
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private DashboardPart.Answered answered(String source, String text) {
        return new DashboardPart.Answered(source, json(text));
    }

    private DashboardPart.Answered curve(String station, String source, double... values) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            points.append(i == 0 ? "" : ",").append("{'offset':").append(i).append(",'hour':").append((11 + i) % 24)
                    .append(",'day_of_week':7,'swaps_per_hour':").append(values[i]).append('}');
        }
        return answered("ai-service", "{'station_id':'" + station + "','curve':[" + points + "],'peak_hour':11,"
                + "'source':'" + source + "','model_version':'1.0.0'}");
    }

    private final DashboardPart swaps = answered("swap-service", "{'completed_in_window':4,'stations':[]}");
    private final DashboardPart stations = answered("station-service", "[{'station_id':'ST-A'},{'station_id':'ST-B'}]");

    @Test
    void forecastSumsTheStationCurvesPerHourAndFindsThePeak() {
        DashboardSheet sheet = sheet();
        Map<String, DashboardPart> forecasts = new LinkedHashMap<>();
        forecasts.put("ST-A", curve("ST-A", "onnx", 1.5, 4.0, 2.0));
        forecasts.put("ST-B", curve("ST-B", "fallback", 1.0, 1.0, 1.0));

        ObjectNode forecast = AdminDashboards.forecast(sheet, swaps, stations, 24, 24, forecasts, Map.of());

        assertEquals("ok", forecast.get("status").asText());
        assertEquals("ai-service", forecast.get("source").asText());
        assertEquals(3, forecast.get("curve").size());
        assertEquals(2.5, forecast.at("/curve/0/swaps_per_hour").asDouble(), 1e-9);
        assertEquals(5.0, forecast.at("/curve/1/swaps_per_hour").asDouble(), 1e-9);
        assertEquals(12, forecast.at("/curve/1/hour").asInt());
        assertEquals(10.5, forecast.get("total_swaps").asDouble(), 1e-9);
        assertEquals(1, forecast.at("/peak/offset").asInt());
        assertEquals(2, forecast.get("stations_forecast").asInt());
        assertEquals(1, forecast.at("/model_sources/onnx").asInt());
        assertEquals(1, forecast.at("/model_sources/fallback").asInt());
        assertEquals(7.5, forecast.at("/by_station/0/total_swaps").asDouble(), 1e-9);
        assertEquals(List.of(), List.copyOf(mapper.convertValue(sheet.finish().get("unavailable"), List.class)));
    }

    @Test
    void aStationWithoutForecastMakesThePartPartialAndIsNamed() {
        DashboardSheet sheet = sheet();
        Map<String, DashboardPart> forecasts = new LinkedHashMap<>();
        forecasts.put("ST-A", curve("ST-A", "onnx", 3.0, 3.0));
        forecasts.put("ST-B", new DashboardPart.Missing("ai-service", "no answer within 2000 ms"));

        ObjectNode forecast = AdminDashboards.forecast(sheet, swaps, stations, 24, 24, forecasts, Map.of());

        assertEquals("partial", forecast.get("status").asText());
        assertEquals(1, forecast.get("stations_forecast").asInt());
        assertEquals("ST-B", forecast.at("/stations_missing/0/station_id").asText());
        assertEquals("no answer within 2000 ms", forecast.at("/stations_missing/0/reason").asText());
        assertEquals(6.0, forecast.get("total_swaps").asDouble(), 1e-9, "only what was forecast, labelled partial");
        assertEquals("[\"ai-service\"]", sheet.finish().get("unavailable").toString());
    }

    @Test
    void noStationForecastAtAllIsUnavailable() {
        DashboardSheet sheet = sheet();
        Map<String, DashboardPart> forecasts = Map.of(
                "ST-A", new DashboardPart.Missing("ai-service", "not reachable"),
                "ST-B", new DashboardPart.Missing("ai-service", "not reachable"));
        ObjectNode forecast = AdminDashboards.forecast(sheet, swaps, stations, 24, 24, forecasts, Map.of());
        assertEquals("unavailable", forecast.get("status").asText());
        assertFalse(forecast.has("curve"));
        assertEquals("[\"ai-service\"]", sheet.finish().get("unavailable").toString());
    }

    @Test
    void aForecastThatNeedsAMissingServiceNamesThatService() {
        DashboardSheet sheet = sheet();
        ObjectNode forecast = AdminDashboards.forecast(sheet, swaps,
                new DashboardPart.Missing("station-service", "answered HTTP 503"), 24, 24, Map.of(), Map.of());
        assertEquals("unavailable", forecast.get("status").asText());
        assertEquals("ai-service", forecast.get("source").asText());
        assertTrue(forecast.get("reason").asText().contains("station-service"));
        assertEquals("[\"station-service\"]", sheet.finish().get("unavailable").toString());
    }

    @Test
    void aLongWindowIsForecastForTheSeventyTwoHoursAiServiceAllows() {
        DashboardSheet sheet = sheet();
        ObjectNode forecast = AdminDashboards.forecast(sheet, swaps, stations, 168, 72,
                Map.of("ST-A", curve("ST-A", "onnx", 1.0)), Map.of());
        assertEquals(72, forecast.get("hours").asInt());
        assertTrue(forecast.get("note").asText().contains("72"));
    }

    @Test
    void partnerShopsWithoutTheirFiguresAreUnavailableRatherThanCountedAsZero() {
        DashboardSheet sheet = sheet();
        ObjectNode shops = AdminDashboards.partnerShops(sheet, answered("station-service",
                "[{'partner_shop_id':'PS-1','capacity':10,'stock_total':5,'free_slots':5},{'partner_shop_id':'PS-2'}]"));
        assertEquals("unavailable", shops.get("status").asText());
        assertTrue(shops.get("reason").asText().contains("PS-2"));
    }

    @Test
    void aStationWithoutARowInACompleteAggregateHasNoneButAMissingAggregateIsUnavailable() {
        DashboardSheet sheet = sheet();
        DashboardPart queue = answered("queue-service", "{'stations':[{'station_id':'ST-A','total':4}]}");
        assertEquals(4, AdminDashboards.stationFigure(sheet, queue,
                DashboardSheet.rowsByStation(queue, "/stations").get("ST-A"), "total").get("value").asInt());
        assertEquals(0, AdminDashboards.stationFigure(sheet, queue, null, "total").get("value").asInt());
        ObjectNode missing = AdminDashboards.stationFigure(sheet,
                new DashboardPart.Missing("queue-service", "not reachable"), null, "total");
        assertEquals("unavailable", missing.get("status").asText());
        assertFalse(missing.has("value"));
    }
}
