package io.navswap.staff.rest;

import io.navswap.shared.security.Roles;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.rest.StaffRequests.CreateAssignmentRequest;
import io.navswap.staff.rest.StaffRequests.CreateDiversionRequest;
import io.navswap.staff.rest.StaffRequests.SuggestDiversionRequest;
import io.navswap.staff.rest.StaffViews.AssignmentPageView;
import io.navswap.staff.rest.StaffViews.AssignmentView;
import io.navswap.staff.rest.StaffViews.DiversionPageView;
import io.navswap.staff.rest.StaffViews.DiversionView;
import io.navswap.staff.rest.StaffViews.StationRosterView;
import io.navswap.staff.service.AssignmentService;
import io.navswap.staff.service.AssignmentService.OnDutyAnswer;
import io.navswap.staff.service.AssignmentService.ShiftCommand;
import io.navswap.staff.service.DiversionService;
import io.navswap.staff.service.DiversionService.DiversionCommand;
import io.navswap.staff.service.DiversionSuggester;
import io.navswap.staff.service.DiversionSuggester.Suggestions;
import io.navswap.staff.service.OnDutyService;
import io.navswap.staff.service.Times;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Shifts, on-duty checks and diversions")
public class StaffResource {
    private final AssignmentService assignments;
    private final DiversionService diversions;
    private final DiversionSuggester suggester;
    private final OnDutyService onDuty;
    private final Callers callers;
    private final Clock clock;

    StaffResource(AssignmentService assignments, DiversionService diversions, DiversionSuggester suggester,
            OnDutyService onDuty, Callers callers, Clock clock) {
        this.assignments = assignments;
        this.diversions = diversions;
        this.suggester = suggester;
        this.onDuty = onDuty;
        this.callers = callers;
        this.clock = clock;
    }

    @POST
    @Path("/assignments")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a regular shift; overlapping shifts of one person are refused (409)")
    public Uni<Response> createShift(@Valid @NotNull CreateAssignmentRequest request) {
        return assignments.createShift(new ShiftCommand(request.staffId(), request.stationId(), request.startsAt(),
                request.endsAt(), request.reason()), callers.current())
                .map(a -> Response.created(URI.create("/staff/assignments/" + a.staffId))
                        .entity(AssignmentView.of(a, Times.now(clock))).build());
    }

    @POST
    @Path("/assignments/{id}/end")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "End an active shift or diversion assignment now")
    public Uni<AssignmentView> endAssignment(@PathParam("id") @Size(max = 128) String id) {
        return assignments.end(id, callers.current()).map(a -> AssignmentView.of(a, Times.now(clock)));
    }

    @GET
    @Path("/assignments/{staff_id}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "A person's assignments, newest first (self or admin)")
    public Uni<AssignmentPageView> assignmentsOf(@PathParam("staff_id") @Size(max = 64) String staffId,
            @QueryParam("status") @Pattern(regexp = "active|ended|completed") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        AssignmentStatus filter = status == null ? null : AssignmentStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        Instant now = Times.now(clock);
        return assignments.forStaff(staffId, filter, page, size, callers.current())
                .map(p -> new AssignmentPageView(staffId, p.items().stream().map(a -> AssignmentView.of(a, now))
                        .toList(), p.page(), p.size(), p.total()));
    }

    @GET
    @Path("/station/{station_id}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Who is on duty at a station now (diversions counted at their target)")
    public Uni<StationRosterView> station(@PathParam("station_id") @Size(max = 64) String stationId) {
        return onDuty.roster(stationId, Times.now(clock)).map(StationRosterView::of);
    }

    @GET
    @Path("/on-duty")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Is this person on duty at this station now? (contract used by queue- and swap-service)")
    public Uni<OnDutyAnswer> onDuty(@QueryParam("station_id") @NotBlank @Size(max = 64) String stationId,
            @QueryParam("staff_id") @NotBlank @Size(max = 64) String staffId) {
        return assignments.onDuty(stationId, staffId, callers.current());
    }

    @POST
    @Path("/diversion")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move people on duty at one station to another for a while (all or nobody)")
    public Uni<Response> divert(@Valid @NotNull CreateDiversionRequest request) {
        return diversions.divert(new DiversionCommand(request.staffIds(), request.fromStationId(),
                request.toStationId(), request.reason(), request.durationMinutes(), request.priority()),
                callers.current())
                .map(d -> Response.status(Response.Status.CREATED).entity(DiversionView.of(d)).build());
    }

    @GET
    @Path("/diversions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Diversion history, newest first")
    public Uni<DiversionPageView> diversions(
            @QueryParam("status") @Pattern(regexp = "active|completed|ended") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return diversions.history(status, page, size)
                .map(list -> new DiversionPageView(list.stream().map(DiversionView::of).toList(), page, size));
    }

    @POST
    @Path("/diversion/suggest")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suggested diversions from the traffic forecast and staff-diversion models")
    public Uni<Suggestions> suggest(@Valid SuggestDiversionRequest request) {
        return suggester.suggest(request == null ? null : request.timeWindowHours(), callers.current());
    }
}
