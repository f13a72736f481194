package io.navswap.queue.rest;

import io.navswap.queue.service.QueueMetrics;
import io.navswap.queue.service.QueueStatusService;
import io.navswap.queue.service.ReservationService;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue", description = "Reservations in a station's live queue")
public class QueueResource {
    private final ReservationService reservations;
    private final QueueStatusService status;
    private final Callers callers;
    private final QueueMetrics metrics;

    QueueResource(ReservationService reservations, QueueStatusService status, Callers callers, QueueMetrics metrics) {
        this.reservations = reservations;
        this.status = status;
        this.callers = callers;
        this.metrics = metrics;
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Reserve a place in a station's queue and get its QR token")
    public Uni<RestResponse<ConfirmResponse>> confirm(@Valid @NotNull ConfirmRequest request) {
        GeoPoint origin = request.currentLocation();
        return reservations.confirm(callers.current(), request.stationId(), request.batterySohMin(),
                origin == null ? null : origin.latitude(), origin == null ? null : origin.longitude())
                .onItemOrFailure().invoke((item, failure) -> metrics.confirm(failure))
                .map(confirmation -> RestResponse.ResponseBuilder
                        .<ConfirmResponse>created(URI.create("/queue/" + confirmation.reservation().id))
                        .entity(ConfirmResponse.of(confirmation))
                        .build());
    }

    @GET
    @Path("/status/{station_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Live queue of a station: the whole list for staff/admin, own position and total for a rider")
    public Uni<QueueStatusResponse> status(@PathParam("station_id")
            @Pattern(regexp = Ids.STATION, message = Ids.STATION_MESSAGE) String stationId) {
        return status.status(callers.current(), stationId).map(QueueStatusResponse::of);
    }

    @GET
    @Path("/available-slots/{station_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The next free places in a station's queue with estimated times")
    public Uni<AvailableSlotsResponse> availableSlots(@PathParam("station_id")
            @Pattern(regexp = Ids.STATION, message = Ids.STATION_MESSAGE) String stationId) {
        return status.availableSlots(stationId).map(AvailableSlotsResponse::of);
    }

    @GET
    @Path("/active")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "The caller's live reservation")
    public Uni<ReservationResponse> active() {
        var caller = callers.current();
        return reservations.active(caller).map(details -> {
            if (details == null) {
                throw new io.navswap.shared.problem.ProblemException(404, "no-active-reservation",
                        "No active reservation", "You hold no live reservation");
            }
            return ReservationResponse.of(details);
        });
    }

    @GET
    @Path("/{queue_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One reservation (its owner, staff or admin)")
    public Uni<ReservationResponse> get(@PathParam("queue_id")
            @Pattern(regexp = Ids.RESERVATION, message = Ids.RESERVATION_MESSAGE) String queueId) {
        return reservations.get(callers.current(), queueId).map(ReservationResponse::of);
    }

    @POST
    @Path("/{queue_id}/cancel")
    @RolesAllowed({ Roles.CONSUMER, Roles.ADMIN })
    @Operation(summary = "Cancel a waiting reservation (its owner or admin); frees the slot")
    public Uni<ReservationResponse> cancel(@PathParam("queue_id")
            @Pattern(regexp = Ids.RESERVATION, message = Ids.RESERVATION_MESSAGE) String queueId) {
        return reservations.cancel(callers.current(), queueId).map(ReservationResponse::of);
    }

    @POST
    @Path("/{queue_id}/qr")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Issue a fresh QR token for the owner's waiting reservation; the previous one stops working")
    public Uni<QrResponse> freshQr(@PathParam("queue_id")
            @Pattern(regexp = Ids.RESERVATION, message = Ids.RESERVATION_MESSAGE) String queueId) {
        return reservations.freshQr(callers.current(), queueId).map(QrResponse::of);
    }
}
