package io.navswap.e2e;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.seed.SeedCatalog;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** SPEC §Flows 5: the four admin dashboards through the gateway, composed from the real services. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminDashboardE2ETest {
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> DASHBOARDS = List.of("/admin/live", "/admin/logistics", "/admin/traffic",
            "/admin/stations/overview");
    private static final List<String> LIVE_METRICS = List.of("active_swaps", "total_in_queue", "inventory_by_status",
            "open_faults", "staff_on_duty", "active_transporters", "credits_issued_today");

    private static JsonPath get(String admin, String path) {
        return Gateway.as(admin, DemoUsers.ADMIN_PASSWORD).get(path)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    /**
     * The dashboard once {@code ready} holds: the first per-station ai-service calls of a cold stack may exceed
     * the budget (ai-service caches its answers, so a repeat is fast). At most one call every 2 s.
     */
    private static JsonPath eventually(String admin, String path, Predicate<JsonPath> ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonPath last = get(admin, path);
        while (!ready.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            last = get(admin, path);
        }
        return last;
    }

    @Test
    @Order(1)
    void liveShowsTheSevenMetricsFromTheRunningServices() {
        JsonPath live = get(DemoUsers.ADMIN, "/admin/live");
        for (String metric : LIVE_METRICS) {
            assertEquals("ok", live.getString(metric + ".status"), metric + ": " + live.getMap(metric));
        }
        assertEquals("swap-service", live.getString("active_swaps.source"));
        assertEquals("queue-service", live.getString("total_in_queue.source"));
        assertEquals("station-service", live.getString("inventory_by_status.source"));
        assertEquals("staff-service", live.getString("staff_on_duty.source"));
        assertEquals("logistics-service", live.getString("credits_issued_today.source"));
        // The seeded fleet (607 batteries, 332 charged) and today's shifts of the 30 demo staff.
        Map<String, Integer> inventory = live.getMap("inventory_by_status.value");
        assertEquals(List.of("charged", "charging", "in_use", "quarantined", "in_transit", "at_partner"),
                List.copyOf(inventory.keySet()));
        assertTrue(inventory.values().stream().mapToInt(Integer::intValue).sum() >= 600, inventory.toString());
        assertTrue(live.getInt("staff_on_duty.value") >= 30, "seeded shifts cover now");
        assertTrue(live.getInt("open_faults.value") > 0, "seeded faults at levels 1 and 2 are open");
        assertTrue(live.getBoolean("complete"));
        assertEquals(List.of(), live.getList("unavailable"));
    }

    @Test
    @Order(2)
    void logisticsShowsJobsShortagesPartnerShopsAndDeliveries() {
        JsonPath logistics = get(DemoUsers.ADMIN, "/admin/logistics");
        for (String part : List.of("jobs_by_status", "active_transporters", "live_jobs", "shortages",
                "recent_deliveries", "delivered_today", "partner_shops")) {
            assertEquals("ok", logistics.getString(part + ".status"), part + ": " + logistics.getMap(part));
        }
        assertTrue(logistics.getMap("jobs_by_status.value").containsKey("open"));
        assertEquals(List.of("open", "accepted", "picked_up"), List.copyOf(logistics.getMap("live_jobs.value").keySet()));
        assertEquals(10, logistics.getInt("partner_shops.value.totals.shops"), "the 10 seeded partner shops");
        assertTrue(logistics.getInt("partner_shops.value.totals.capacity") > 0);
        assertTrue(logistics.getBoolean("complete"));
    }

    @Test
    @Order(3)
    void trafficHasTheHistoryAndAForecastForEveryStation() throws InterruptedException {
        String admin = "admin2@navswap.dev";
        JsonPath traffic = eventually(admin, "/admin/traffic?time_window_hours=48",
                t -> "ok".equals(t.getString("forecast.status")));
        assertEquals(48, traffic.getInt("time_window_hours"));
        assertEquals("ok", traffic.getString("history.status"));
        assertEquals(48, traffic.getList("history.value.swaps_per_hour").size());
        assertEquals("ok", traffic.getString("forecast.status"), String.valueOf(traffic.getMap("forecast")));
        assertTrue(traffic.getInt("forecast.stations_forecast") >= SeedCatalog.stations().size());
        assertEquals(List.of(), traffic.getList("forecast.stations_missing"));
        assertEquals(48, traffic.getList("forecast.curve").size());
        assertTrue(traffic.getDouble("forecast.total_swaps") > 0);
        assertTrue(traffic.getBoolean("complete"));

        JsonPath week = eventually(admin, "/admin/traffic?time_window_hours=168",
                t -> "ok".equals(t.getString("forecast.status")));
        assertEquals(168, week.getList("history.value.swaps_per_hour").size());
        assertEquals(72, week.getInt("forecast.hours"), "ai-service forecasts at most 72 h");
        Gateway.as(admin, DemoUsers.ADMIN_PASSWORD).queryParam("time_window_hours", 169).get("/admin/traffic")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("time_window_hours"));
    }

    @Test
    @Order(4)
    void stationsOverviewGivesEveryStationItsParts() throws InterruptedException {
        JsonPath overview = eventually("admin3@navswap.dev", "/admin/stations/overview", o -> o.getBoolean("complete"));
        assertTrue(overview.getInt("count") >= SeedCatalog.stations().size(), "every seeded station");
        List<Map<String, Object>> stations = overview.getList("stations");
        for (int i = 0; i < stations.size(); i++) {
            String prefix = "stations[" + i + "].";
            for (String part : List.of("inventory", "queue_length", "staff_on_duty", "reliability")) {
                assertEquals("ok", overview.getString(prefix + part + ".status"), prefix + part);
            }
            assertTrue(overview.getInt(prefix + "inventory.value.total_batteries") > 0);
            assertTrue(overview.getDouble(prefix + "reliability.value.score") >= 0);
        }
        assertEquals(List.of(), overview.getList("unavailable"));
    }

    @Test
    @Order(5)
    void dashboardsRefuseConsumersAndStaff() {
        for (String path : DASHBOARDS) {
            Gateway.as(DemoUsers.rider(11), DemoUsers.RIDER_PASSWORD).get(path)
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
            Gateway.as(DemoUsers.staff(11), DemoUsers.STAFF_PASSWORD).get(path)
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
        }
    }

    @Test
    @Order(6)
    void aStoppedServiceIsMarkedUnavailableWhileTheRestAnswers() throws Exception {
        var stack = RunningStack.get();
        stack.stopService("staff-service");
        try {
            JsonPath live = get(DemoUsers.ADMIN, "/admin/live");
            for (String metric : List.of("open_faults", "staff_on_duty")) {
                assertEquals("unavailable", live.getString(metric + ".status"), metric);
                assertEquals("staff-service", live.getString(metric + ".source"), metric);
                assertFalse(live.getMap(metric).containsKey("value"), "never a made-up figure");
            }
            for (String metric : List.of("active_swaps", "total_in_queue", "inventory_by_status",
                    "active_transporters", "credits_issued_today")) {
                assertEquals("ok", live.getString(metric + ".status"), metric);
            }
            assertFalse(live.getBoolean("complete"));
            assertEquals(List.of("staff-service"), live.getList("unavailable"));

            JsonPath overview = get("admin2@navswap.dev", "/admin/stations/overview");
            assertTrue(overview.getInt("count") >= SeedCatalog.stations().size());
            assertEquals("unavailable", overview.getString("stations[0].staff_on_duty.status"));
            assertEquals("staff-service", overview.getString("stations[0].staff_on_duty.source"));
            assertEquals("ok", overview.getString("stations[0].inventory.status"));
            assertEquals("ok", overview.getString("stations[0].queue_length.status"));
            assertTrue(overview.getList("unavailable").contains("staff-service"));
        } finally {
            stack.startService("staff-service");
        }
        JsonPath again = get("admin3@navswap.dev", "/admin/live");
        assertEquals("ok", again.getString("staff_on_duty.status"));
    }
}
