package io.navswap.logistics.rest;

import io.navswap.logistics.service.LogisticsOverview;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The logistics part of the gateway's admin dashboards (admin and service tokens only). */
@Path("/transport/overview")
@Produces(MediaType.APPLICATION_JSON)
public class LogisticsOverviewResource {
    private final LogisticsOverview overview;

    LogisticsOverviewResource(LogisticsOverview overview) {
        this.overview = overview;
    }

    /** A short station: {@code threshold} = capacity × low-stock ratio; {@code job} = the live shortage job or null. */
    public record ShortageView(String stationId, String name, String city, int capacity, int charged, double threshold,
            Instant countsAt, JobView job) {
    }

    public record OverviewResponse(Instant asOf, double lowStockRatio, List<ShortageView> shortages,
            Map<String, List<JobView>> liveJobs, List<JobView> recentDeliveries, long deliveredToday,
            Instant todayStartsAt) {
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Short stations (with the job covering each), live jobs per state (oldest first), latest deliveries")
    public Uni<OverviewResponse> overview(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return overview.overview(limit, Instant.now()).map(o -> {
            Map<String, List<JobView>> live = new LinkedHashMap<>();
            o.liveJobs().forEach((status, jobs) -> live.put(status.wire(), jobs.stream().map(JobView::of).toList()));
            List<ShortageView> shortages = o.shortages().stream().map(s -> new ShortageView(s.station().stationId(),
                    s.station().name(), s.station().city(), s.station().capacity(), s.station().charged(),
                    s.threshold(), s.station().countsAt(), s.job() == null ? null : JobView.of(s.job()))).toList();
            return new OverviewResponse(o.asOf(), o.lowStockRatio(), shortages, live,
                    o.recentDeliveries().stream().map(JobView::of).toList(), o.deliveredToday(), o.todayStartsAt());
        });
    }
}
