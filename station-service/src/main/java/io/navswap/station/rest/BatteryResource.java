package io.navswap.station.rest;

import io.navswap.shared.security.Roles;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.LocationType;
import io.navswap.station.service.BatteryExchangeService;
import io.navswap.station.service.BatteryService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/batteries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Batteries")
public class BatteryResource {
    static final int DEFAULT_LIMIT = 100;

    private final BatteryService batteries;
    private final BatteryExchangeService exchanges;

    BatteryResource(BatteryService batteries, BatteryExchangeService exchanges) {
        this.batteries = batteries;
        this.exchanges = exchanges;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Batteries, filtered by station, status and location type, by id, paged")
    public Uni<List<BatteryView>> list(
            @QueryParam("station_id") @Pattern(regexp = Ids.STATION, message = "must look like ST-DEL-001") String stationId,
            @QueryParam("status") @Pattern(regexp = BatteryStatus.WIRE_PATTERN, message = "must be one of "
                    + BatteryStatus.WIRE_PATTERN) String status,
            @QueryParam("location_type") @Pattern(regexp = LocationType.WIRE_PATTERN, message = "must be one of "
                    + LocationType.WIRE_PATTERN) String locationType,
            @QueryParam("offset") @NumberIn(min = 0, max = 1_000_000, integer = true) String offset,
            @QueryParam("limit") @NumberIn(min = 1, max = 500, integer = true) String limit) {
        Double from = QueryNumbers.parse(offset);
        Double max = QueryNumbers.parse(limit);
        return batteries.list(stationId, BatteryStatus.fromWire(status), LocationType.fromWire(locationType),
                from == null ? 0 : from.intValue(), max == null ? DEFAULT_LIMIT : max.intValue());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One battery (also retired ones, with retired_at)")
    public Uni<BatteryView> get(@PathParam("id") String id) {
        return batteries.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Commission a battery at a station or partner shop (admin)")
    public Uni<RestResponse<BatteryView>> commission(@NotNull @Valid BatteryCommissionRequest request) {
        return batteries.commission(request)
                .map(view -> RestResponse.ResponseBuilder.<BatteryView>created(URI.create("/batteries/" + view.batteryId()))
                        .entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Correct a battery (admin): SOH, cycles, temperature, allowed status moves, location")
    public Uni<BatteryView> update(@PathParam("id") String id, @NotNull @Valid BatteryUpdateRequest request) {
        return batteries.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a battery (admin); it leaves every count, its record stays")
    public Uni<RestResponse<Void>> retire(@PathParam("id") String id) {
        return batteries.retire(id).map(done -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/telemetry")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Battery health report; SOH < 75 or a fault flag quarantines it (level-1 fault)")
    public Uni<TelemetryResult> telemetry(@PathParam("id") String id, @NotNull @Valid TelemetryRequest report) {
        return batteries.telemetry(id, report);
    }

    @POST
    @Path("/exchange")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "The inventory half of a swap (swap-service); idempotent by swap_id")
    public Uni<ExchangeResult> exchange(@NotNull @Valid ExchangeRequest request) {
        return exchanges.exchange(request);
    }
}
