package io.navswap.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.gateway.service.AdminDashboards;
import io.navswap.gateway.service.DashboardCalls;
import io.navswap.shared.http.RequestIds;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SPEC §Flows 5: the admin dashboards, composed by the gateway from the services' figures (see README.md).
 * The admin's token and request id are forwarded to every service.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Admin dashboards")
public class AdminDashboardResource {
    private static final String PARTS = "Every part is {status: ok|unavailable, source, value|reason}; a service "
            + "that fails or is slower than the dashboard budget is marked unavailable, never defaulted, and listed "
            + "in `unavailable`.";

    private final AdminDashboards dashboards;

    AdminDashboardResource(AdminDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("/live")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Seven live metrics: active swaps, total in queue, inventory by status, open faults, "
            + "staff on duty, active transporters, credits issued today", description = PARTS)
    public Uni<ObjectNode> live(@Context HttpHeaders headers) {
        return dashboards.live(caller(headers));
    }

    @GET
    @Path("/logistics")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Jobs by state and the live ones, shortages, partner-shop stock against capacity, "
            + "recent deliveries", description = PARTS)
    public Uni<ObjectNode> logistics(@Context HttpHeaders headers) {
        return dashboards.logistics(caller(headers));
    }

    @GET
    @Path("/traffic")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Swaps per hour over the last time_window_hours (1-168, default 24) and ai-service's "
            + "forecast (at most 72 h ahead)", description = PARTS)
    public Uni<ObjectNode> traffic(
            // A string, so that "abc" is a 400 listing the field rather than JAX-RS' bare 404.
            @QueryParam("time_window_hours") @DefaultValue("24") @Pattern(regexp = "[1-9]|[1-9]\\d|1[0-5]\\d|16[0-8]",
                    message = "must be a whole number from 1 to 168") String timeWindowHours,
            @Context HttpHeaders headers) {
        return dashboards.traffic(Integer.parseInt(timeWindowHours), caller(headers));
    }

    @GET
    @Path("/stations/overview")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Per station: inventory by status, queue length, staff on duty, reliability score",
            description = PARTS)
    public Uni<ObjectNode> stationsOverview(@Context HttpHeaders headers) {
        return dashboards.stationsOverview(caller(headers));
    }

    private static DashboardCalls.Caller caller(HttpHeaders headers) {
        return new DashboardCalls.Caller(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(RequestIds.HEADER));
    }
}
