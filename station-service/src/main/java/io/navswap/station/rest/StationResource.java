package io.navswap.station.rest;

import io.navswap.shared.security.Roles;
import io.navswap.station.domain.Station;
import io.navswap.station.repository.StationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/station")
@Produces(MediaType.APPLICATION_JSON)
public class StationResource {
    private final StationRepository stations;

    StationResource(StationRepository stations) {
        this.stations = stations;
    }

    @GET
    @Path("/list")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN })
    public Uni<List<Station>> list(@QueryParam("city") @Size(max = 64) String city) {
        return stations.listActive(city);
    }
}
