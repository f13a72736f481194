package io.navswap.station.rest;

import static io.navswap.station.support.Api.admin;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.rider;
import static io.navswap.station.support.Api.staff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.navswap.embedded.TestTokens;
import io.navswap.messaging.ServiceTokens;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.service.StationListAnnouncements;
import io.navswap.station.service.StationListCache;
import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.navswap.station.support.NeighbourStubs;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StationResourceTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Inject
    RedisDataSource redis;

    @Inject
    StationRepository stations;

    @Inject
    ServiceTokens serviceTokens;

    private static String newId() {
        return "ST-TSR-" + IDS.incrementAndGet();
    }

    @Test
    void listRequiresToken() {
        given().when().get("/station/list").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/unauthorized"));
    }

    @Test
    void listAnswersAnySignedInRole() {
        for (String role : new String[] { "consumer", "staff", "transporter", "admin" }) {
            Api.as("usr-x-001", role).when().get("/station/list").then().statusCode(200);
        }
    }

    @Test
    void expiredTokenIsRefused() {
        given().header("Authorization", TestTokens.expired("usr-c-001", "consumer"))
                .when().get("/station/list").then().statusCode(401);
    }

    @Test
    void serviceTokenCannotActAsUser() {
        given().header("Authorization", "Bearer " + io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).subject("queue-service").groups(java.util.Set.of("admin", "service"))
                .jws().keyId("service-dev").sign("dev-keys/service-private.pem"))
                .when().delete("/batteries/BAT-SVC-NONE").then().statusCode(403);
    }

    @Test
    void serviceTokenReadsTheStationList() {
        // staff-service locates stations for ticket assignment from its Kafka consumer, on its own token.
        given().header("Authorization", serviceTokens.bearer()).when().get("/station/list").then().statusCode(200);
    }

    @Test
    void unknownPathIsProblem() {
        given().when().get("/nowhere").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void healthChecksBackends() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void consumerCannotCreateOrChangeStations() {
        String id = newId();
        rider().body(Map.of("station_id", id, "name", "X", "city", "Delhi", "latitude", 1.0, "longitude", 1.0,
                "capacity", 10)).when().post("/station").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/forbidden"));
        staff().body(Map.of("name", "Y")).when().put("/station/ST-DEL-001").then().statusCode(403);
    }

    @Test
    void createdStationAnswersTheAgreedContract() {
        String id = newId();
        double[] spot = Api.newSpot();
        createStation(id, "Contractville", spot[0], spot[1], 12)
                .header("Location", endsWith("/station/" + id))
                .body("station_id", equalTo(id));
        Api.commission("BAT-" + id.substring(3) + "-01", id, 91.5, "charged");
        Api.commission("BAT-" + id.substring(3) + "-02", id, 84.0, "charged");
        Api.commission("BAT-" + id.substring(3) + "-03", id, 97.0, "charging");
        given().header("Authorization", serviceTokens.bearer()).when().get("/station/" + id).then().statusCode(200)
                .body("station_id", equalTo(id))
                .body("name", equalTo("Test " + id))
                .body("city", equalTo("Contractville"))
                .body("latitude", equalTo((float) spot[0]))
                .body("capacity", equalTo(12))
                .body("active", equalTo(true))
                .body("charged_available", equalTo(2))
                .body("best_charged_soh", equalTo(91.5f))
                .body("inventory.charging", equalTo(1));
    }

    @Test
    void unknownStationIs404Problem() {
        rider().when().get("/station/ST-NONE-999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/station-not-found"));
    }

    @Test
    void duplicateStationIs409() {
        String id = newId();
        createStation(id, "Dupeville", 0.5, 0.5, 10);
        admin().body(Map.of("station_id", id, "name", "Again", "city", "Dupeville", "latitude", 0.5, "longitude", 0.5,
                "capacity", 10)).when().post("/station").then().statusCode(409)
                .body("type", equalTo("https://navswap.io/problems/station-exists"));
    }

    @Test
    void invalidStationListsEveryBadField() {
        admin().body(Map.of("station_id", "station-1", "name", "", "city", "Delhi", "latitude", 95.0, "longitude", -181.0,
                "capacity", 0)).when().post("/station").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("station_id", "name", "latitude", "longitude", "capacity"));
        admin().body("{\"station_id\": \"ST-BAD-1\", \"latitude\": \"north\"}").when().post("/station").then()
                .statusCode(400).body("type", equalTo("https://navswap.io/problems/malformed-json"));
    }

    @Test
    void listIsCachedPerCityAndInvalidatedWhenTheStationChanges() {
        String id = newId();
        String city = "Cachetown" + IDS.incrementAndGet();
        createStation(id, city, 1.5, 1.5, 10);
        rider().queryParam("city", city.toLowerCase()).when().get("/station/list").then().statusCode(200)
                .body("station_id", contains(id)).body("[0].name", equalTo("Test " + id));
        String generation = redis.value(String.class).get(StationListCache.generationKey(city));
        long gen = generation == null ? 0 : Long.parseLong(generation);
        assertNotNull(redis.value(String.class).get(StationListCache.listKey(city, gen)), "list cached under its city key");

        // Written behind the service's back: a cached answer does not see it...
        stations.mongoCollection().updateOne(Filters.eq("_id", id), Updates.set("name", "Renamed in Mongo"))
                .await().indefinitely();
        rider().queryParam("city", city).when().get("/station/list").then().body("[0].name", equalTo("Test " + id));

        // ...while a change through the service invalidates it at once.
        admin().body(Map.of("address", "1 Cache Road")).when().put("/station/" + id).then().statusCode(200);
        rider().queryParam("city", city).when().get("/station/list").then()
                .body("[0].name", equalTo("Renamed in Mongo")).body("[0].address", equalTo("1 Cache Road"));
    }

    @Test
    void aCityListNobodyReadsIsBumpedNotFilledAndItsFirstReaderLoadsIt() {
        String id = newId();
        String city = "Quietville" + IDS.incrementAndGet();
        createStation(id, city, 1.9, 1.9, 10);
        admin().body(Map.of("address", "2 Quiet Lane")).when().put("/station/" + id).then().statusCode(200);

        String generation = redis.value(String.class).get(StationListCache.generationKey(city));
        assertNotNull(generation, "each change moves the city's generation");
        long gen = Long.parseLong(generation);
        assertNull(redis.value(String.class).get(StationListCache.listKey(city, gen)),
                "nobody read the city's list here: it is not reloaded from Mongo");

        rider().queryParam("city", city).when().get("/station/list").then().statusCode(200)
                .body("station_id", contains(id)).body("[0].address", equalTo("2 Quiet Lane"));
        assertNotNull(redis.value(String.class).get(StationListCache.listKey(city, gen)), "its first reader stores it");
    }

    @Test
    void listFollowsAnotherReplicasRenewal() {
        String id = newId();
        String city = "Replicaville" + IDS.incrementAndGet();
        createStation(id, city, 1.7, 1.7, 10);
        rider().queryParam("city", city).when().get("/station/list").then().body("[0].name", equalTo("Test " + id));

        // Another replica renews the list: a new generation in Redis, then its announcement.
        long next = redis.value(String.class).incr(StationListCache.generationKey(city));
        String renewed = "[{\"station_id\":\"" + id + "\",\"name\":\"Renewed elsewhere\"}]";
        redis.value(String.class).setex(StationListCache.listKey(city, next), 300, renewed);
        redis.pubsub(String.class).publish(StationListAnnouncements.CHANNEL,
                "other-replica " + next + " city:" + city.toLowerCase());
        Eventually.holds(() -> rider().queryParam("city", city).when().get("/station/list").then()
                .body("[0].name", equalTo("Renewed elsewhere")));
    }

    @Test
    void listFollowsInventoryChanges() {
        String id = newId();
        String city = "Stockville" + IDS.incrementAndGet();
        createStation(id, city, 2.5, 2.5, 10);
        rider().queryParam("city", city).when().get("/station/list").then().body("[0].charged_available", equalTo(0));
        Api.commission("BAT-" + id.substring(3) + "-01", id, 88.0, "charged");
        Eventually.holds(() -> rider().queryParam("city", city).when().get("/station/list").then()
                .body("[0].charged_available", equalTo(1)).body("[0].best_charged_soh", equalTo(88.0f)));
    }

    @Test
    void deactivatedStationLeavesTheList() {
        String id = newId();
        String city = "Closeville" + IDS.incrementAndGet();
        createStation(id, city, 3.5, 3.5, 10);
        rider().queryParam("city", city).when().get("/station/list").then().body("station_id", contains(id));
        admin().body(Map.of("active", false)).when().put("/station/" + id).then().statusCode(200)
                .body("active", equalTo(false));
        rider().queryParam("city", city).when().get("/station/list").then().body("$", hasSize(0));
    }

    @Test
    void staleVersionIsRefused() {
        String id = newId();
        createStation(id, "Versionville", 4.5, 4.5, 10);
        admin().body(Map.of("capacity", 14, "version", 0)).when().put("/station/" + id).then().statusCode(200)
                .body("capacity", equalTo(14));
        admin().body(Map.of("capacity", 16, "version", 0)).when().put("/station/" + id).then().statusCode(409)
                .body("type", equalTo("https://navswap.io/problems/version-conflict"));
    }

    @Test
    void statusCombinesInventoryQueueStaffAndPredictedLoad() {
        String id = newId();
        createStation(id, "Statusville", 5.5, 5.5, 10);
        Api.commission("BAT-" + id.substring(3) + "-01", id, 90.0, "charged");
        Api.commission("BAT-" + id.substring(3) + "-02", id, 70.0, "quarantined");
        staff().when().get("/station/" + id + "/status").then().statusCode(200)
                .body("station_id", equalTo(id))
                .body("inventory.charged", equalTo(1))
                .body("inventory.quarantined", equalTo(1))
                .body("inventory.charging", equalTo(0))
                .body("queue_length", equalTo(0))
                .body("staff_on_duty_known", equalTo(true))
                .body("staff_on_duty.staff_id", contains(NeighbourStubs.STAFF_ID))
                .body("staff_on_duty_count", equalTo(1))
                .body("predicted_load_known", equalTo(true))
                .body("predicted_load.swaps_per_hour", equalTo((float) NeighbourStubs.LOAD_SWAPS_PER_HOUR))
                .body("predicted_load.source", equalTo("onnx"))
                .body("predicted_load.model_version", equalTo(NeighbourStubs.LOAD_MODEL_VERSION))
                .body("predicted_load.fallback_reason", nullValue());
        assertEquals(1, NeighbourStubs.calls("/staff/station", id));
        // Exactly ai-service's request: the coming hour at the station, no swap there in the last hour.
        var sent = NeighbourStubs.lastRequest("/ai/predict-load", id);
        assertEquals("Statusville", sent.get("city").asText());
        assertEquals(10, sent.get("capacity").asInt());
        assertEquals(0.0, sent.get("recent_swaps_per_hour").asDouble());
        assertEquals(java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Kolkata")).plusHours(1).getHour(),
                sent.get("hour").asInt(), 1.0, "the coming hour (station time)");
        assertEquals(sent.get("hour").asInt(), (int) staff().when().get("/station/" + id + "/status").then()
                .extract().path("predicted_load.hour"));
    }

    @Test
    void statusFeedsTheLoadModelWithTheLastHoursSwaps() {
        String id = newId();
        createStation(id, "Loadville", 8.5, 8.5, 10);
        String prefix = "BAT-" + id.substring(3);
        Api.commission(prefix + "-01", id, 92.0, "charged");
        Api.withRider(prefix + "-90", id, "usr-c-009", 81.0);
        staff().body(Map.of("swap_id", "SWP-" + id, "station_id", id, "new_battery_id", prefix + "-01",
                        "old_battery_id", prefix + "-90", "old_battery_soh", 82.0, "faulty", false))
                .when().post("/batteries/exchange").then().statusCode(200);
        staff().when().get("/station/" + id + "/status").then().statusCode(200)
                .body("predicted_load.source", equalTo("onnx"));
        assertEquals(1.0, NeighbourStubs.lastRequest("/ai/predict-load", id).get("recent_swaps_per_hour").asDouble());
    }

    @Test
    void riderSeesHowManyStaffButNotWho() {
        String id = newId();
        createStation(id, "Privacyville", 6.5, 6.5, 10);
        rider().when().get("/station/" + id + "/status").then().statusCode(200)
                .body("staff_on_duty", nullValue())
                .body("staff_on_duty_count", equalTo(1))
                .body("staff_on_duty_known", equalTo(true));
    }

    @Test
    void statusSaysWhatItDoesNotKnowWhenNeighboursFail() {
        String id = "ST-DOWN-" + IDS.incrementAndGet();
        createStation(id, "Downville", 7.5, 7.5, 10);
        long started = System.nanoTime();
        staff().when().get("/station/" + id + "/status").then().statusCode(200)
                .body("queue_length", equalTo(0))
                .body("staff_on_duty", nullValue())
                .body("staff_on_duty_count", nullValue())
                .body("staff_on_duty_known", equalTo(false))
                // ai-service unreachable: the SPEC baseline, saying so.
                .body("predicted_load.swaps_per_hour", equalTo(8.0f))
                .body("predicted_load.source", equalTo("local-fallback"))
                .body("predicted_load.fallback_reason", startsWith("ai-service unavailable"))
                .body("predicted_load_known", equalTo(false));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        org.junit.jupiter.api.Assertions.assertTrue(millis < 3000, "status stays bounded when neighbours fail: " + millis);
    }
}
