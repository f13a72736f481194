package io.navswap.queue.rest;

import io.navswap.queue.service.QueueStatistics;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Queue figures for the gateway's admin dashboards (admin and service tokens only). */
@Path("/queue/stats")
@Produces(MediaType.APPLICATION_JSON)
public class QueueStatsResource {
    private final QueueStatistics statistics;

    QueueStatsResource(QueueStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Riders in the queues now: total, by status and per station")
    public Uni<QueueStatistics.Stats> stats() {
        return statistics.stats(Instant.now());
    }
}
