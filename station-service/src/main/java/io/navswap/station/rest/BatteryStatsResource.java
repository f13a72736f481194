package io.navswap.station.rest;

import io.navswap.shared.security.Roles;
import io.navswap.station.service.BatteryStatistics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The fleet at a glance for the gateway's admin dashboards (admin and service tokens only). */
@Path("/batteries/stats")
@Produces(MediaType.APPLICATION_JSON)
public class BatteryStatsResource {
    private final BatteryStatistics statistics;

    BatteryStatsResource(BatteryStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Batteries not retired: by status, by kind of place, average SOH, and per station")
    public Uni<BatteryStatistics.Stats> stats() {
        return statistics.stats(Instant.now());
    }
}
