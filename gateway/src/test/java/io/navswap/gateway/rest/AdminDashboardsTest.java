package io.navswap.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.navswap.gateway.support.FakeServices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboards against fake services: station-service, swap-service, logistics-service and
 * staff-service answer fixed figures; queue-service and ai-service are absent (connection refused).
 */
@QuarkusTest
class AdminDashboardsTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @BeforeAll
    static void startFakes() {
        FakeServices.start();
    }

    @BeforeEach
    void resetFakes() {
        FakeServices.reset();
    }

    /** A fresh admin per request: the %test rate limit is 2/s per user. */
    private static String admin() {
        return TestTokens.bearer("usr-a-dash-" + UUID.randomUUID(), "admin");
    }

    private static JsonPath dashboard(String path) {
        return given().header("Authorization", admin()).when().get(path)
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
    }

    @Test
    void liveShowsTheSevenMetricsAndMarksTheAbsentQueueServiceUnavailable() {
        String token = admin();
        JsonPath live = given().header("Authorization", token).header("X-Request-Id", "dash-live-1")
                .when().get("/admin/live").then().statusCode(200).extract().jsonPath();

        assertEquals(Map.of("status", "ok", "source", "swap-service", "value", 3), live.getMap("active_swaps"));
        assertEquals("ok", live.getString("inventory_by_status.status"));
        assertEquals("station-service", live.getString("inventory_by_status.source"));
        assertEquals(11, live.getInt("inventory_by_status.value.charged"));
        assertEquals(12, live.getInt("inventory_by_status.value.in_use"));
        assertEquals(4, live.getInt("open_faults.value"));
        assertEquals("staff-service", live.getString("open_faults.source"));
        assertEquals(5, live.getInt("staff_on_duty.value"));
        assertEquals(2, live.getInt("active_transporters.value"));
        assertEquals("logistics-service", live.getString("active_transporters.source"));
        assertEquals(135.5, live.getDouble("credits_issued_today.value"), 1e-9);
        // queue-service refuses connections: its metric is marked, not zero.
        assertEquals("unavailable", live.getString("total_in_queue.status"));
        assertEquals("queue-service", live.getString("total_in_queue.source"));
        assertEquals("not reachable", live.getString("total_in_queue.reason"));
        assertFalse(live.getMap("total_in_queue").containsKey("value"), "no value for a missing part");
        assertEquals(false, live.getBoolean("complete"));
        assertEquals(List.of("queue-service"), live.getList("unavailable"));

        // The admin's token and request id reached every service.
        for (String path : List.of("/swap/stats", "/staff/stats", "/transport/summary", "/batteries/stats")) {
            assertEquals(token, FakeServices.lastHeaders(path).get("authorization"), path);
            assertEquals("dash-live-1", FakeServices.lastHeaders(path).get("x-request-id"), path);
        }
    }

    @Test
    void aSilentServiceIsMarkedUnavailableWithinTheBudgetWhileTheRestAnswers() {
        FakeServices.stall("/staff/stats");
        long started = System.nanoTime();
        JsonPath live = dashboard("/admin/live");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis < 3_000, "the dashboard waits for the 1 s budget, not for the silent service: " + millis);
        for (String metric : List.of("open_faults", "staff_on_duty")) {
            assertEquals("unavailable", live.getString(metric + ".status"));
            assertEquals("staff-service", live.getString(metric + ".source"));
            assertEquals("no answer within 1000 ms", live.getString(metric + ".reason"));
        }
        assertEquals(3, live.getInt("active_swaps.value"));
        assertEquals(2, live.getInt("active_transporters.value"));
        assertEquals(List.of("queue-service", "staff-service"), live.getList("unavailable"));
    }

    @Test
    void anErrorStatusOrAnAnswerWithoutTheFigureIsUnavailableToo() {
        FakeServices.fail("/transport/summary", 500);
        JsonPath live = dashboard("/admin/live");
        assertEquals("unavailable", live.getString("active_transporters.status"));
        assertEquals("answered HTTP 500", live.getString("active_transporters.reason"));
        assertEquals("answered HTTP 500", live.getString("credits_issued_today.reason"));
        assertTrue(live.getList("unavailable").contains("logistics-service"));
    }

    @Test
    void logisticsComposesJobsShortagesPartnerShopsAndDeliveries() {
        JsonPath logistics = dashboard("/admin/logistics");
        assertEquals(2, logistics.getInt("jobs_by_status.value.open"));
        assertEquals(7, logistics.getInt("jobs_by_status.value.delivered"));
        assertEquals(2, logistics.getInt("active_transporters.value"));
        assertEquals("JOB-OPEN-1", logistics.getString("live_jobs.value.open[0].job_id"));
        assertEquals("ST-MUM-001", logistics.getString("shortages.value[0].station_id"));
        assertEquals("JOB-OPEN-1", logistics.getString("shortages.value[0].job.job_id"));
        assertEquals(0.2, logistics.getDouble("shortages.low_stock_ratio"), 1e-9);
        assertEquals("JOB-DONE-1", logistics.getString("recent_deliveries.value[0].job_id"));
        assertEquals(3, logistics.getInt("delivered_today.value"));
        assertEquals("station-service", logistics.getString("partner_shops.source"));
        assertEquals(0.7, logistics.getDouble("partner_shops.value.shops[0].utilisation"), 1e-9);
        assertEquals(2, logistics.getInt("partner_shops.value.totals.shops"));
        assertEquals(18, logistics.getInt("partner_shops.value.totals.capacity"));
        assertEquals(9, logistics.getInt("partner_shops.value.totals.stock"));
        assertEquals(9, logistics.getInt("partner_shops.value.totals.free_slots"));
        assertEquals(0.5, logistics.getDouble("partner_shops.value.totals.utilisation"), 1e-9);
        assertEquals(true, logistics.getBoolean("complete"));
        assertEquals(List.of(), logistics.getList("unavailable"));
        assertEquals("/transport/overview?limit=10", FakeServices.lastUri("/transport/overview"));
    }

    @Test
    void logisticsMarksTheLogisticsPartsWhenLogisticsServiceIsDown() {
        FakeServices.fail("/transport/summary", 503);
        FakeServices.fail("/transport/overview", 503);
        JsonPath logistics = dashboard("/admin/logistics");
        for (String part : List.of("jobs_by_status", "active_transporters", "live_jobs", "shortages",
                "recent_deliveries", "delivered_today")) {
            assertEquals("unavailable", logistics.getString(part + ".status"), part);
            assertEquals("logistics-service", logistics.getString(part + ".source"), part);
        }
        assertEquals("ok", logistics.getString("partner_shops.status"));
        assertEquals(List.of("logistics-service"), logistics.getList("unavailable"));
    }

    @Test
    void trafficHasTheHistoryOfTheWindowAndMarksTheForecastWhenAiServiceIsAbsent() {
        JsonPath traffic = dashboard("/admin/traffic?time_window_hours=6");
        assertEquals(6, traffic.getInt("time_window_hours"));
        assertEquals("/swap/stats?hours=6", FakeServices.lastUri("/swap/stats"));
        assertEquals("ok", traffic.getString("history.status"));
        assertEquals("swap-service", traffic.getString("history.source"));
        assertEquals(12, traffic.getInt("history.value.total_swaps"));
        assertEquals(6, traffic.getList("history.value.swaps_per_hour").size());
        assertEquals(2, traffic.getInt("history.value.swaps_per_hour[0].swaps"));
        assertEquals("unavailable", traffic.getString("forecast.status"));
        assertEquals("ai-service", traffic.getString("forecast.source"));
        assertEquals(List.of("ai-service"), traffic.getList("unavailable"));
    }

    @Test
    void trafficWithoutTheSwapHistoryNamesSwapServiceForBothParts() {
        FakeServices.fail("/swap/stats", 503);
        JsonPath traffic = dashboard("/admin/traffic");
        assertEquals(24, traffic.getInt("time_window_hours"));
        assertEquals("unavailable", traffic.getString("history.status"));
        assertEquals("unavailable", traffic.getString("forecast.status"));
        assertTrue(traffic.getString("forecast.reason").contains("swap-service"));
        assertEquals(List.of("swap-service"), traffic.getList("unavailable"));
    }

    @Test
    void trafficWindowOutsideOneToOneHundredSixtyEightIsA400ListingTheField() {
        for (String hours : List.of("0", "169", "abc", "-3", "24.5")) {
            given().header("Authorization", admin()).queryParam("time_window_hours", hours)
                    .when().get("/admin/traffic").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEM + "validation-failed"))
                    .body("errors.field", hasItem("time_window_hours"));
        }
        dashboard("/admin/traffic?time_window_hours=168");
        dashboard("/admin/traffic?time_window_hours=1");
    }

    @Test
    void stationsOverviewGivesEachStationItsPartsWithTheirSources() {
        JsonPath overview = dashboard("/admin/stations/overview");
        assertEquals(2, overview.getInt("count"));
        assertEquals("ST-DEL-001", overview.getString("stations[0].station_id"));
        assertEquals("Delhi", overview.getString("stations[0].city"));
        assertEquals(20, overview.getInt("stations[0].capacity"));
        assertEquals("ok", overview.getString("stations[0].inventory.status"));
        assertEquals(10, overview.getInt("stations[0].inventory.value.by_status.charged"));
        assertEquals(17, overview.getInt("stations[0].inventory.value.total_batteries"));
        assertEquals(3, overview.getInt("stations[0].staff_on_duty.value"));
        assertEquals(2, overview.getInt("stations[1].staff_on_duty.value"));
        assertEquals("unavailable", overview.getString("stations[0].queue_length.status"));
        assertEquals("queue-service", overview.getString("stations[0].queue_length.source"));
        assertEquals("unavailable", overview.getString("stations[1].reliability.status"));
        assertEquals("ai-service", overview.getString("stations[1].reliability.source"));
        assertEquals(List.of("ai-service", "queue-service"), overview.getList("unavailable"));
        assertEquals("/swap/stats?hours=168", FakeServices.lastUri("/swap/stats"));
    }

    @Test
    void stationsOverviewWithoutTheStationListKeepsTheStationsOtherServicesReport() {
        FakeServices.fail("/station/list", 503);
        JsonPath overview = dashboard("/admin/stations/overview");
        assertEquals(2, overview.getInt("count"));
        assertEquals("ST-DEL-001", overview.getString("stations[0].station_id"));
        assertNull(overview.get("stations[0].capacity"), "no station list, no capacity");
        assertEquals("unavailable", overview.getString("stations[0].inventory.status"));
        assertEquals("answered HTTP 503", overview.getString("stations[0].inventory.reason"));
        assertEquals(3, overview.getInt("stations[0].staff_on_duty.value"));
        assertTrue(overview.getList("unavailable").contains("station-service"));
    }

    @Test
    void dashboardsAreForAdminsOnly() {
        for (String path : List.of("/admin/live", "/admin/logistics", "/admin/traffic", "/admin/stations/overview")) {
            given().header("Authorization", TestTokens.bearer("usr-c-dash-" + UUID.randomUUID(), "consumer"))
                    .when().get(path).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
            given().header("Authorization", TestTokens.bearer("usr-s-dash-" + UUID.randomUUID(), "staff"))
                    .when().get(path).then().statusCode(403);
            given().when().get(path).then().statusCode(401);
        }
        // The user administration next to them still answers.
        given().header("Authorization", admin()).when().get("/admin/users?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].password_hash", nullValue());
    }
}
