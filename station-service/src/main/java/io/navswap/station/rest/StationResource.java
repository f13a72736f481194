package io.navswap.station.rest;

import io.navswap.shared.http.RequestIds;
import io.navswap.shared.security.Roles;
import io.navswap.station.service.NearestStationSearch;
import io.navswap.station.service.StationService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/station")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stations")
public class StationResource {
    static final int DEFAULT_NEAREST_LIMIT = 10;
    static final double DEFAULT_MAX_DISTANCE_KM = 10.0;

    private final StationService stations;
    private final NearestStationSearch nearest;
    private final SecurityIdentity identity;

    StationResource(StationService stations, NearestStationSearch nearest, SecurityIdentity identity) {
        this.stations = stations;
        this.nearest = nearest;
        this.identity = identity;
    }

    @GET
    @Path("/list")
    // service: staff-service reads station coordinates for ticket assignment from a Kafka consumer.
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Active stations with their inventory summary (cached 5 min, invalidated on change)")
    @APIResponse(responseCode = "200", description = "The stations, by station_id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StationView.class)))
    public Uni<String> list(@QueryParam("city") @Size(max = 64) String city) {
        return stations.list(city);
    }

    @GET
    @Path("/nearest")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN })
    @Operation(summary = "Active stations within max_distance_km, nearest first; battery_soh_min keeps only stations "
            + "with a charged battery at least that healthy")
    // In-memory index only (tens of microseconds): served on the event loop.
    @NonBlocking
    public NearestResponse nearest(
            @QueryParam("latitude") @NotNull @NumberIn(min = -90, max = 90) String latitude,
            @QueryParam("longitude") @NotNull @NumberIn(min = -180, max = 180) String longitude,
            @QueryParam("max_distance_km") @NumberIn(min = 0, max = 500, minInclusive = false) String maxDistanceKm,
            @QueryParam("battery_soh_min") @NumberIn(min = 0, max = 100) String batterySohMin,
            @QueryParam("limit") @NumberIn(min = 1, max = 100, integer = true) String limit) {
        Double soh = QueryNumbers.parse(batterySohMin);
        Double radius = QueryNumbers.parse(maxDistanceKm);
        Double max = QueryNumbers.parse(limit);
        return nearest.nearest(QueryNumbers.parse(latitude), QueryNumbers.parse(longitude),
                radius == null ? DEFAULT_MAX_DISTANCE_KM : radius, soh,
                max == null ? DEFAULT_NEAREST_LIMIT : max.intValue());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One station with charged_available and best_charged_soh counted now")
    public Uni<StationView> get(@PathParam("id") String id) {
        return stations.get(id);
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Inventory by status, queue length, staff on duty and predicted load (each marked when unknown)")
    public Uni<StationStatusView> status(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        boolean names = identity.hasRole(Roles.STAFF) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE);
        return stations.status(id, names, authorization, requestId);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a station (admin)")
    public Uni<RestResponse<StationView>> create(@NotNull @Valid StationCreateRequest request) {
        return stations.create(request)
                .map(view -> RestResponse.ResponseBuilder.<StationView>created(URI.create("/station/" + view.stationId()))
                        .entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a station's fields (admin); left-out fields keep their value")
    public Uni<StationView> update(@PathParam("id") String id, @NotNull @Valid StationUpdateRequest request) {
        return stations.update(id, request);
    }
}
