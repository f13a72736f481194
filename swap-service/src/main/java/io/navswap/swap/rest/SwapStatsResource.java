package io.navswap.swap.rest;

import io.navswap.shared.security.Roles;
import io.navswap.swap.service.SwapStatistics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Swap figures for the gateway's admin dashboards (admin and service tokens only). */
@Path("/swap/stats")
@Produces(MediaType.APPLICATION_JSON)
public class SwapStatsResource {
    private final SwapStatistics statistics;

    SwapStatsResource(SwapStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Active swaps, completions today (UTC) and per hour over the last `hours` hours (1-168), per station")
    public Uni<SwapStatsResponse> stats(
            // A string, so that "hours=abc" is a 400 naming the field rather than a bare 404.
            @QueryParam("hours") @DefaultValue("24") @Pattern(regexp = "[1-9]|[1-9]\\d|1[0-5]\\d|16[0-8]",
                    message = "must be a whole number from 1 to 168") String hours) {
        return statistics.stats(Integer.parseInt(hours), Instant.now()).map(SwapStatsResponse::of);
    }
}
