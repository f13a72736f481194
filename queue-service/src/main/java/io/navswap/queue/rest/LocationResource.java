package io.navswap.queue.rest;

import io.navswap.queue.service.LocationService;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/location")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "location", description = "Rider GPS updates and geofencing")
public class LocationResource {
    private final LocationService locations;
    private final Callers callers;

    LocationResource(LocationService locations, Callers callers) {
        this.locations = locations;
        this.callers = callers;
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Report a GPS fix; moves the caller's reservation inside the 1000 m / 500 m rings")
    public Uni<LocationUpdateResponse> update(@Valid @NotNull LocationUpdateRequest request) {
        return locations.update(callers.current(), new LocationService.Fix(request.latitude(), request.longitude(),
                request.accuracy(), request.speed(), request.heading())).map(LocationUpdateResponse::of);
    }
}
