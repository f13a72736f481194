package io.navswap.station.repository;

import io.navswap.station.domain.Station;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class StationRepository implements ReactivePanacheMongoRepositoryBase<Station, String> {

    public Uni<List<Station>> listActive(String city) {
        if (city == null || city.isBlank()) {
            return find("active", Sort.by("_id"), true).list();
        }
        return find("active = ?1 and city = ?2", Sort.by("_id"), true, city).list();
    }
}
