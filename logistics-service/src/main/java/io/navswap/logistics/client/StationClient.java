package io.navswap.logistics.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.logistics.domain.PartnerShop;
import io.navswap.messaging.ServiceTokens;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Resilient reads from station-service (all GETs, so retried once). Fallbacks: a station's location has none
 * here (the caller keeps the coordinates it already knows); the partner-shop list falls back to the last list
 * fetched ({@link PartnerShopCache}); the battery lookup has none (pickup then leaves the choice of batteries
 * to station-service, see {@code JobService#pickUp}).
 */
@ApplicationScoped
public class StationClient {
    private static final Logger LOG = Logger.getLogger(StationClient.class);

    private final StationApi api;
    private final ServiceTokens tokens;
    private final PartnerShopCache shopCache;

    StationClient(@RestClient StationApi api, ServiceTokens tokens, PartnerShopCache shopCache) {
        this.api = api;
        this.tokens = tokens;
        this.shopCache = shopCache;
    }

    /** The station, or empty when station-service does not know it (404: not a failure of the call). */
    @AsynchronousNonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    public Uni<Optional<StationInfo>> station(String stationId) {
        return api.station(stationId, tokens.bearer())
                .map(json -> Optional.of(readStation(json, stationId)))
                .onFailure(StationClient::isNotFound).recoverWithItem(Optional.empty());
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Fallback(fallbackMethod = "lastKnownPartnerShops")
    public Uni<List<PartnerShop>> partnerShops() {
        return api.partnerShops(tokens.bearer())
                .map(StationClient::readPartnerShops)
                .call(shopCache::remember);
    }

    Uni<List<PartnerShop>> lastKnownPartnerShops(Throwable failure) {
        LOG.warnf("station-service did not list the partner shops (%s); using the last list fetched",
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return shopCache.lastKnown();
    }

    /** Up to {@code limit} batteries in {@code status} at a station, best state of health first. */
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    public Uni<List<String>> batteriesAtStation(String stationId, String status, int limit) {
        return api.batteries(stationId, status, limit, tokens.bearer())
                .map(StationClient::readBatteryIds);
    }

    static StationInfo readStation(JsonNode json, String requestedId) {
        Double latitude = Json.number(json, "latitude", "lat");
        Double longitude = Json.number(json, "longitude", "lon", "lng");
        JsonNode location = Json.field(json, "location");
        if ((latitude == null || longitude == null) && location != null) {
            latitude = Json.number(location, "latitude", "lat");
            longitude = Json.number(location, "longitude", "lon", "lng");
        }
        if (latitude == null || longitude == null) {
            throw new IllegalStateException("station " + requestedId + " has no coordinates");
        }
        String id = Json.text(json, "station_id", "id");
        Integer capacity = Json.integer(json, "capacity");
        Boolean active = Json.bool(json, "active");
        return new StationInfo(id == null ? requestedId : id, Json.text(json, "name"), Json.text(json, "city"),
                latitude, longitude, capacity == null ? 0 : capacity, active == null || active);
    }

    static List<PartnerShop> readPartnerShops(JsonNode json) {
        List<PartnerShop> shops = new ArrayList<>();
        for (JsonNode shop : Json.list(json, "items", "shops", "partner_shops", "content", "data")) {
            String id = Json.text(shop, "shop_id", "partner_shop_id", "id");
            Double latitude = Json.number(shop, "latitude", "lat");
            Double longitude = Json.number(shop, "longitude", "lon", "lng");
            Integer capacity = Json.integer(shop, "capacity");
            if (id == null || latitude == null || longitude == null || capacity == null) {
                LOG.warnf("Skipping a partner shop without id, coordinates or capacity: %s", shop);
                continue;
            }
            Integer occupied = Json.integer(shop, "stock_total", "stock", "battery_count", "occupied");
            Integer free = Json.integer(shop, "free_slots", "available_space", "room");
            if (occupied == null) {
                occupied = free != null ? Math.max(0, capacity - free) : 0;
            }
            // station-service reports stock by status ({"at_partner": n, "quarantined": m}); only at_partner can leave.
            JsonNode byStatus = Json.field(shop, "stock");
            Integer available = byStatus != null && byStatus.isObject() ? Json.integer(byStatus, "at_partner")
                    : Json.integer(shop, "available_batteries", "at_partner");
            Boolean active = Json.bool(shop, "active");
            if (Boolean.FALSE.equals(active)) {
                continue;
            }
            shops.add(new PartnerShop(id, Json.text(shop, "name"), Json.text(shop, "city"), latitude, longitude,
                    capacity, occupied, available != null ? available : occupied));
        }
        return shops;
    }

    static List<String> readBatteryIds(JsonNode json) {
        record Found(String id, double soh) {
        }
        List<Found> found = new ArrayList<>();
        for (JsonNode battery : Json.list(json, "items", "batteries", "content", "data")) {
            String id = Json.text(battery, "battery_id", "id");
            if (id != null) {
                Double soh = Json.number(battery, "soh");
                found.add(new Found(id, soh == null ? 0 : soh));
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Found::soh).reversed().thenComparing(Found::id))
                .map(Found::id).toList();
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
    }
}
