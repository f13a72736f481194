package io.navswap.station.messaging;

import static io.navswap.station.support.Api.admin;
import static io.navswap.station.support.Api.commission;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.staff;
import static io.navswap.station.support.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.seed.StationSeeder;
import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.navswap.station.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumers, driven by plain Kafka producers as the other services would publish. */
@QuarkusTest
class EventConsumersTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Inject
    BatteryRepository batteries;

    @Inject
    StationSeeder seeder;

    @BeforeEach
    void partnerShopsExist() {
        seeder.seed().await().atMost(Duration.ofSeconds(60));
    }

    private static String newStation() {
        String id = "ST-TEV-" + IDS.incrementAndGet();
        double[] spot = Api.newSpot();
        createStation(id, "Eventville", spot[0], spot[1], 10);
        return id;
    }

    private static String battery(String station, int n) {
        return String.format("BAT-%s-%02d", station.substring(3), n);
    }

    private static int queueLength(String station) {
        return staff().when().get("/station/" + station + "/status").then().statusCode(200).extract().path("queue_length");
    }

    private static long version(String batteryId) {
        return admin().when().get("/batteries/" + batteryId).then().extract().<Integer>path("version");
    }

    @Test
    void reservationEventsKeepTheQueueLengthIdempotently() {
        String station = newStation();
        String key = "station:" + station;
        String confirmedR1 = KafkaProbe.envelope(UUID.randomUUID().toString(), "reservation.confirmed", key,
                reservation("R1-" + station, station, "confirmed"));
        KafkaProbe.publish("navswap.swaps", key, confirmedR1);
        KafkaProbe.publish("navswap.swaps", key, confirmedR1); // redelivered
        KafkaProbe.publish("navswap.swaps", key, "reservation.confirmed", reservation("R2-" + station, station, "confirmed"));
        KafkaProbe.publish("navswap.swaps", key, "reservation.approaching", reservation("R1-" + station, station, "approaching"));
        Eventually.holds(() -> assertEquals(2, queueLength(station)));

        KafkaProbe.publish("navswap.swaps", key, "reservation.cancelled", reservation("R1-" + station, station, "cancelled"));
        // The same change published again under a new event id (a producer retry) is still harmless.
        KafkaProbe.publish("navswap.swaps", key, "reservation.cancelled", reservation("R1-" + station, station, "cancelled"));
        Eventually.holds(() -> assertEquals(1, queueLength(station)));

        // A late step of an ended reservation does not bring it back: the set follows confirmations and endings.
        KafkaProbe.publish("navswap.swaps", key, "reservation.arrived", reservation("R1-" + station, station, "arrived"));
        KafkaProbe.publish("navswap.swaps", key, "reservation.started", reservation("R2-" + station, station, "in_progress"));
        KafkaProbe.publish("navswap.swaps", key, "reservation.completed", reservation("R2-" + station, station, "completed"));
        Eventually.holds(() -> assertEquals(0, queueLength(station)));
    }

    @Test
    void pickupAndDeliveryMoveTheNamedBatteriesOnce() {
        String source = newStation();
        String destination = newStation();
        commission(battery(source, 1), source, 91.0, "charged");
        commission(battery(source, 2), source, 89.0, "charged");
        commission(battery(source, 3), source, 87.0, "charging");
        long total = batteries.countActive().await().indefinitely();
        String job = "JOB-" + source;
        String pickup = KafkaProbe.envelope(UUID.randomUUID().toString(), "job.picked_up", "job:" + job,
                job(job, "picked_up", "station", source, "station", destination, List.of(battery(source, 1), battery(source, 3))));
        KafkaProbe.publish("navswap.jobs", "job:" + job, pickup);
        KafkaProbe.publish("navswap.jobs", "job:" + job, pickup);
        Eventually.holds(() -> {
            assertEquals("in_transit", status(battery(source, 1)));
            assertEquals("in_transit", status(battery(source, 3)));
        });
        admin().when().get("/batteries/" + battery(source, 1)).then()
                .body("location_type", equalTo("transit")).body("location_id", equalTo(job));
        long versionInTransit = version(battery(source, 1));
        Eventually.holds(() -> staff().when().get("/station/" + source).then()
                .body("charged_available", equalTo(1)).body("inventory.charging", equalTo(0)));

        KafkaProbe.publish("navswap.jobs", "job:" + job, "job.delivered",
                job(job, "delivered", "station", source, "station", destination, List.of(battery(source, 1), battery(source, 3))));
        Eventually.holds(() -> {
            assertEquals("charged", status(battery(source, 1)), "left charged, arrives charged");
            assertEquals("charging", status(battery(source, 3)), "left charging, arrives charging");
        });
        admin().when().get("/batteries/" + battery(source, 1)).then().body("station_id", equalTo(destination));
        assertEquals(versionInTransit + 1, version(battery(source, 1)), "the duplicate pickup moved nothing");
        assertEquals("charged", status(battery(source, 2)));
        assertEquals(total, batteries.countActive().await().indefinitely());
        Eventually.holds(() -> staff().when().get("/station/" + destination).then()
                .body("charged_available", equalTo(1)).body("inventory.charging", equalTo(1)));
    }

    @Test
    void aJobWithOnlyACountTakesTheBestChargedBatteriesToAPartnerShop() {
        String source = newStation();
        commission(battery(source, 1), source, 80.0, "charged");
        commission(battery(source, 2), source, 96.0, "charged");
        commission(battery(source, 3), source, 90.0, "charged");
        String shop = "PS-KOL-001";
        int stockBefore = admin().when().get("/partner-shops/" + shop).then().statusCode(200).extract().path("stock_total");
        String job = "JOB-" + source + "-SHOP";
        KafkaProbe.publish("navswap.jobs", "job:" + job, "job.picked_up",
                job(job, "picked_up", "station", source, "partner_shop", shop, List.of(), 2));
        Eventually.holds(() -> {
            assertEquals("in_transit", status(battery(source, 2)));
            assertEquals("in_transit", status(battery(source, 3)));
        });
        assertEquals("charged", status(battery(source, 1)));
        KafkaProbe.publish("navswap.jobs", "job:" + job, "job.delivered",
                job(job, "delivered", "station", source, "partner_shop", shop, List.of(), 2));
        Eventually.holds(() -> assertEquals("at_partner", status(battery(source, 2))));
        assertEquals("at_partner", status(battery(source, 3)));
        Eventually.holds(() -> Api.as("usr-t-001", "transporter").when().get("/partner-shops/" + shop).then()
                .body("stock_total", equalTo(stockBefore + 2))
                .body("stock.at_partner", equalTo(stockBefore + 2)));
    }

    @Test
    void repairedTicketReturnsTheBatteryToChargingOnce() {
        String station = newStation();
        commission(battery(station, 1), station, 70.0, "quarantined");
        commission(battery(station, 2), station, 60.0, "quarantined");
        String key = "battery:" + battery(station, 1);
        String resolved = KafkaProbe.envelope(UUID.randomUUID().toString(), "ticket.resolved", key,
                ticket("TCK-" + station, battery(station, 1), station, "repaired"));
        KafkaProbe.publish("navswap.faults", key, resolved);
        KafkaProbe.publish("navswap.faults", key, resolved);
        KafkaProbe.publish("navswap.faults", "battery:" + battery(station, 2), "ticket.resolved",
                ticket("TCK2-" + station, battery(station, 2), station, "replaced"));
        Eventually.holds(() -> assertEquals("charging", status(battery(station, 1))));
        long version = version(battery(station, 1));
        admin().when().get("/batteries/" + battery(station, 1)).then().body("last_ticket_id", equalTo("TCK-" + station));
        KafkaProbe.publish("navswap.faults", key, resolved);
        KafkaProbe.publish("navswap.faults", "battery:" + battery(station, 1), "ticket.opened",
                ticket("TCK3-" + station, battery(station, 1), station, null));
        // A later, valid event on the same partition proves the earlier ones were consumed (and skipped).
        commission(battery(station, 3), station, 65.0, "quarantined");
        KafkaProbe.publish("navswap.faults", key, "ticket.resolved", ticket("TCK4-" + station, battery(station, 3), station, "repaired"));
        Eventually.holds(() -> assertEquals("charging", status(battery(station, 3))));
        assertEquals(version, version(battery(station, 1)), "replays change nothing");
        assertEquals("quarantined", status(battery(station, 2)), "only a repair returns a battery to service");
    }

    @Test
    void unknownAndMalformedEventsDoNotStopTheConsumer() {
        String source = newStation();
        String destination = newStation();
        commission(battery(source, 1), source, 92.0, "charged");
        String job = "JOB-" + source + "-ODD";
        KafkaProbe.publish("navswap.jobs", "job:" + job, "job.teleported", Map.of("job_id", job));
        KafkaProbe.publish("navswap.jobs", "job:" + job, "this is not an event");
        KafkaProbe.publish("navswap.jobs", "job:" + job, "job.picked_up",
                job(job, "picked_up", "station", source, "station", destination, List.of(battery(source, 1))));
        Eventually.holds(() -> assertEquals("in_transit", status(battery(source, 1))));
    }

    static Map<String, Object> reservation(String reservationId, String stationId, String status) {
        Map<String, Object> data = new HashMap<>();
        data.put("reservation_id", reservationId);
        data.put("user_id", "usr-c-042");
        data.put("station_id", stationId);
        data.put("status", status);
        data.put("changed_at", Instant.now().toString());
        return data;
    }

    static Map<String, Object> job(String jobId, String status, String sourceType, String sourceId,
            String destinationType, String destinationId, List<String> batteryIds) {
        return job(jobId, status, sourceType, sourceId, destinationType, destinationId, batteryIds, batteryIds.size());
    }

    static Map<String, Object> job(String jobId, String status, String sourceType, String sourceId,
            String destinationType, String destinationId, List<String> batteryIds, int count) {
        Map<String, Object> data = new HashMap<>();
        data.put("job_id", jobId);
        data.put("status", status);
        data.put("source_type", sourceType);
        data.put("source_id", sourceId);
        data.put("destination_type", destinationType);
        data.put("destination_id", destinationId);
        data.put("battery_count", count);
        data.put("battery_ids", batteryIds);
        data.put("transporter_id", "usr-t-003");
        data.put("distance_km", 12.5);
        data.put("credits", 40.0);
        data.put("changed_at", Instant.now().toString());
        return data;
    }

    static Map<String, Object> ticket(String ticketId, String batteryId, String stationId, String outcome) {
        Map<String, Object> data = new HashMap<>();
        data.put("ticket_id", ticketId);
        data.put("number", "T-" + ticketId);
        data.put("battery_id", batteryId);
        data.put("station_id", stationId);
        data.put("status", outcome == null ? "open" : "resolved");
        data.put("priority", "high");
        data.put("outcome", outcome);
        data.put("assignee_id", "usr-s-004");
        data.put("changed_at", Instant.now().toString());
        return data;
    }
}
