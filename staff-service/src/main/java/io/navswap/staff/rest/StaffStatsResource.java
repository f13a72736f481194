package io.navswap.staff.rest;

import io.navswap.shared.security.Roles;
import io.navswap.staff.service.StaffStatistics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Staff, fault and ticket figures for the gateway's admin dashboards (admin and service tokens only). */
@Path("/staff/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StaffStatsResource {
    private final StaffStatistics statistics;
    private final Clock clock;

    StaffStatsResource(StaffStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Staff on duty now, open faults, tickets by status, and per station")
    public Uni<StaffStatistics.Stats> stats() {
        return statistics.stats(clock.instant());
    }
}
