package io.navswap.staff.rest;

import io.navswap.shared.security.Roles;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.repository.TicketRepository.TicketFilter;
import io.navswap.staff.rest.TicketRequests.AssignTicketRequest;
import io.navswap.staff.rest.TicketRequests.ResolveTicketRequest;
import io.navswap.staff.rest.TicketViews.BatteryFaultHistoryView;
import io.navswap.staff.rest.TicketViews.FaultView;
import io.navswap.staff.rest.TicketViews.TicketPageView;
import io.navswap.staff.rest.TicketViews.TicketView;
import io.navswap.staff.service.TicketService;
import io.navswap.staff.service.Times;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets", description = "Level-3 fault tickets and battery fault history")
public class TicketResource {
    private final TicketService tickets;
    private final FaultRepository faults;
    private final Callers callers;
    private final Clock clock;

    TicketResource(TicketService tickets, FaultRepository faults, Callers callers, Clock clock) {
        this.tickets = tickets;
        this.faults = faults;
        this.callers = callers;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Tickets, newest first, filtered by status, station, priority and assignee")
    public Uni<TicketPageView> list(
            @QueryParam("status") @Pattern(regexp = "open|in_progress|resolved|closed") String status,
            @QueryParam("station_id") @Size(max = 64) String stationId,
            @QueryParam("priority") @Pattern(regexp = "low|medium|high|critical") String priority,
            @QueryParam("assignee_id") @Size(max = 64) String assigneeId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        TicketFilter filter = new TicketFilter(
                status == null ? null : TicketStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                blankToNull(stationId),
                priority == null ? null : Priority.valueOf(priority.toUpperCase(Locale.ROOT)),
                blankToNull(assigneeId));
        Instant now = Times.now(clock);
        return tickets.list(filter, page, size).map(p -> new TicketPageView(
                p.items().stream().map(t -> TicketView.of(t, now)).toList(), p.page(), p.size(), p.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One ticket with its history")
    public Uni<TicketView> get(@PathParam("id") @Size(max = 64) String id) {
        return tickets.get(id).map(this::view);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign (or re-assign) an open or in-progress ticket")
    public Uni<TicketView> assign(@PathParam("id") @Size(max = 64) String id,
            @Valid @NotNull AssignTicketRequest request) {
        return tickets.assign(id, request.assigneeId(), callers.current()).map(this::view);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "open → in_progress (assignee or admin)")
    public Uni<TicketView> start(@PathParam("id") @Size(max = 64) String id) {
        return tickets.start(id, callers.current()).map(this::view);
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "in_progress → resolved with an outcome (assignee or admin); emits ticket.resolved")
    public Uni<TicketView> resolve(@PathParam("id") @Size(max = 64) String id,
            @Valid @NotNull ResolveTicketRequest request) {
        return tickets.resolve(id, request.outcome(), request.notes(), callers.current()).map(this::view);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "resolved → closed (admin)")
    public Uni<TicketView> close(@PathParam("id") @Size(max = 64) String id) {
        return tickets.close(id, callers.current()).map(this::view);
    }

    @GET
    @Path("/battery/{battery_id}/faults")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "A battery's fault history: levels, screenings, diagnoses and tickets")
    public Uni<BatteryFaultHistoryView> batteryFaults(@PathParam("battery_id") @Size(max = 64) String batteryId) {
        Instant now = Times.now(clock);
        return Uni.combine().all().unis(faults.forBattery(batteryId), tickets.forBattery(batteryId)).asTuple()
                .map(t -> {
                    Map<String, Ticket> byId = t.getItem2().stream()
                            .collect(Collectors.toMap(ticket -> ticket.id, Function.identity()));
                    var faultViews = t.getItem1().stream().map(f -> FaultView.of(f, byId)).toList();
                    int highest = t.getItem1().stream().mapToInt(f -> f.level).max().orElse(0);
                    return new BatteryFaultHistoryView(batteryId, faultViews.size(), highest, faultViews,
                            t.getItem2().stream().map(ticket -> TicketView.of(ticket, now)).toList());
                });
    }

    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, Times.now(clock));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
