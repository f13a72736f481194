package io.navswap.logistics.service;

import io.navswap.logistics.client.PartnerShopCache;
import io.navswap.logistics.client.StationClient;
import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.PartnerShop;
import io.navswap.logistics.domain.Place;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.StationSnapshot;
import io.navswap.logistics.repository.StationSnapshotRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where stations and partner shops are. Station coordinates come from station-service and are kept in the
 * station read model (asked again after {@code directory.station-ttl}); the partner-shop list is fetched from
 * station-service and cached for {@code directory.partner-shops-ttl}, falling back to the last list fetched.
 */
@ApplicationScoped
public class PlaceDirectory {
    private static final Logger LOG = Logger.getLogger(PlaceDirectory.class);

    private final StationSnapshotRepository snapshots;
    private final StationClient stations;
    private final PartnerShopCache shopCache;
    private final LogisticsConfig config;

    PlaceDirectory(StationSnapshotRepository snapshots, StationClient stations, PartnerShopCache shopCache,
            LogisticsConfig config) {
        this.snapshots = snapshots;
        this.stations = stations;
        this.shopCache = shopCache;
        this.config = config;
    }

    /**
     * The snapshot with coordinates as fresh as station-service allows: asked when unknown or stale; when
     * station-service cannot answer, the coordinates already known serve (they rarely change).
     */
    public Uni<StationSnapshot> located(StationSnapshot snapshot) {
        boolean fresh = snapshot.located() && snapshot.locatedAt != null
                && snapshot.locatedAt.plus(config.directory().stationTtl()).isAfter(Instant.now());
        if (fresh) {
            return Uni.createFrom().item(snapshot);
        }
        return stations.station(snapshot.id)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(snapshot)
                        : snapshots.locate(snapshot.id, found.get().name(), found.get().city(), found.get().latitude(),
                                found.get().longitude(), found.get().active(), found.get().capacity(), Instant.now()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("station-service could not locate %s (%s); keeping what is known", snapshot.id,
                            failure.getMessage());
                    return snapshot;
                });
    }

    /** A station as a place, from the read model or station-service; empty when nobody knows where it is. */
    public Uni<Optional<Place>> station(String stationId) {
        return snapshots.findById(stationId)
                .chain(snapshot -> snapshot != null
                        ? located(snapshot)
                        : stations.station(stationId)
                                .chain(found -> found.isEmpty()
                                        ? Uni.createFrom().nullItem()
                                        : snapshots.locate(stationId, found.get().name(), found.get().city(),
                                                found.get().latitude(), found.get().longitude(), found.get().active(),
                                                found.get().capacity(), Instant.now()))
                                .onFailure().recoverWithNull())
                .map(snapshot -> snapshot == null || !snapshot.located()
                        ? Optional.<Place>empty()
                        : Optional.of(new Place(PlaceType.STATION, snapshot.id, snapshot.name, snapshot.latitude,
                                snapshot.longitude)));
    }

    public Uni<List<PartnerShop>> partnerShops() {
        List<PartnerShop> cached = shopCache.fresh(config.directory().partnerShopsTtl());
        return cached != null ? Uni.createFrom().item(cached) : stations.partnerShops();
    }

    public Uni<Optional<Place>> partnerShop(String shopId) {
        return partnerShops().map(shops -> shops.stream().filter(s -> s.id().equals(shopId)).findFirst()
                .map(PartnerShop::place));
    }

    public Uni<Optional<Place>> place(PlaceType type, String id) {
        return type == PlaceType.STATION ? station(id) : partnerShop(id);
    }

    public Uni<List<StationSnapshot>> allStations() {
        return snapshots.listAll();
    }
}
