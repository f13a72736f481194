package io.navswap.logistics.rest;

import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.service.JobService;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The transporter marketplace and admin job management (HTTP only: validate, map, call). */
@Path("/transport")
@Produces(MediaType.APPLICATION_JSON)
public class TransportResource {
    private final JobService jobs;
    private final Callers callers;
    private final LogisticsConfig config;

    TransportResource(JobService jobs, Callers callers, LogisticsConfig config) {
        this.jobs = jobs;
        this.callers = callers;
        this.config = config;
    }

    /** Open jobs near the transporter, best first. */
    @GET
    @Path("/jobs/available")
    @RolesAllowed({ Roles.TRANSPORTER, Roles.ADMIN })
    public Uni<List<AvailableJobView>> available(
            @QueryParam("latitude") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @QueryParam("longitude") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @QueryParam("radius_km") @Positive Double radiusKm) {
        double radius = radiusKm == null ? config.jobs().defaultRadiusKm() : radiusKm;
        if (radius > config.jobs().maxRadiusKm()) {
            throw validation("radius_km", "must be less than or equal to " + config.jobs().maxRadiusKm());
        }
        return jobs.available(latitude, longitude, radius)
                .map(ranked -> ranked.stream().map(AvailableJobView::of).toList());
    }

    /** All jobs, newest first, optionally of one status (admin dashboards). */
    @GET
    @Path("/jobs")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Responses.JobPage> list(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        JobStatus wanted = status == null || status.isBlank() ? null
                : JobStatus.fromWire(status).orElseThrow(() -> validation("status",
                        "must be one of open, accepted, picked_up, delivered, cancelled, expired"));
        return Uni.combine().all().unis(jobs.list(wanted, page, size), jobs.count(wanted))
                .with((found, total) -> new Responses.JobPage(total, page, size,
                        found.stream().map(JobView::of).toList()));
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@Valid @NotNull Requests.CreateJob request) {
        JobPriority priority = request.priority() == null ? JobPriority.NORMAL : request.priority();
        return jobs.createByAdmin(callers.current(), request.sourceType(), request.sourceId(), request.destinationType(),
                        request.destinationId(), request.batteryCount(), priority, request.notes())
                .map(job -> Response.created(URI.create("/transport/job/" + job.id)).entity(JobView.of(job)).build());
    }

    @GET
    @Path("/job/{id}")
    @RolesAllowed({ Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    public Uni<JobView> get(@PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id) {
        return jobs.get(callers.current(), callers.isService(), id).map(JobView::of);
    }

    /** Exactly one of any number of concurrent callers wins an open job; the others get 409. */
    @POST
    @Path("/job/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRANSPORTER)
    public Uni<JobView> accept(@Valid @NotNull Requests.AcceptJob request) {
        return jobs.accept(callers.current(), request.jobId()).map(JobView::of);
    }

    @POST
    @Path("/job/{id}/pickup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRANSPORTER)
    public Uni<JobView> pickup(@PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id,
            @RequestBody(required = false) @Valid Requests.Pickup request) {
        return jobs.pickUp(callers.current(), id, request == null ? null : request.batteryIds()).map(JobView::of);
    }

    /** The body is optional: a POST without one (and without a Content-Type) names no batteries. */
    @POST
    @Path("/job/{id}/pickup")
    @RolesAllowed(Roles.TRANSPORTER)
    public Uni<JobView> pickupWithoutBody(
            @PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        refuseBodyInAnotherFormat(contentType);
        return jobs.pickUp(callers.current(), id, null).map(JobView::of);
    }

    @POST
    @Path("/job/{id}/complete")
    @RolesAllowed(Roles.TRANSPORTER)
    public Uni<JobView> complete(@PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id) {
        return jobs.complete(callers.current(), id).map(JobView::of);
    }

    @POST
    @Path("/job/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<JobView> cancel(@PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id,
            @RequestBody(required = false) @Valid Requests.CancelJob request) {
        return jobs.cancel(callers.current(), id, request == null ? null : request.reason()).map(JobView::of);
    }

    /** The body is optional: a POST without one (and without a Content-Type) gives no reason. */
    @POST
    @Path("/job/{id}/cancel")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JobView> cancelWithoutBody(
            @PathParam("id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        refuseBodyInAnotherFormat(contentType);
        return jobs.cancel(callers.current(), id, null).map(JobView::of);
    }

    /**
     * JSON goes to the method with the body; this one serves requests without a Content-Type. A body in another
     * format is refused rather than silently ignored.
     */
    private static void refuseBodyInAnotherFormat(String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            throw new NotSupportedException("The optional body must be application/json, not " + contentType);
        }
    }

    /** A transporter's jobs (newest first) and earnings; his own, or anyone's for an admin. */
    @GET
    @Path("/history/{transporter_id}")
    @RolesAllowed({ Roles.TRANSPORTER, Roles.ADMIN })
    public Uni<Responses.History> history(
            @PathParam("transporter_id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String transporterId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return jobs.history(callers.current(), transporterId, page, size)
                .map(h -> new Responses.History(h.transporterId(), h.totalEarnings(), h.deliveredJobs(), h.activeJobs(),
                        h.totalJobs(), h.page(), h.size(), h.jobs().stream().map(JobView::of).toList()));
    }

    /** Jobs by status, active transporters and credits issued today, for the gateway's dashboards. */
    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Responses.Summary> summary() {
        return jobs.summary().map(s -> new Responses.Summary(s.jobsByStatus(), s.activeTransporters(),
                s.creditsIssuedToday()));
    }

    private static FieldProblem validation(String field, String message) {
        return new FieldProblem(field, message);
    }
}
