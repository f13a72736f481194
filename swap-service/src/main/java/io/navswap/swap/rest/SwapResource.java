package io.navswap.swap.rest;

import io.navswap.shared.http.RequestIds;
import io.navswap.shared.security.Roles;
import io.navswap.swap.service.Caller;
import io.navswap.swap.service.CompleteSwap;
import io.navswap.swap.service.StartSwap;
import io.navswap.swap.service.SwapService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** HTTP only: validate, map, call {@link SwapService}. Object-level rules live in the service. */
@Path("/swap")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SwapResource {
    /** Ids are short printable tokens (same alphabet as request ids). */
    static final String ID = "[A-Za-z0-9._:-]{1,64}";

    private final SwapService service;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    SwapResource(SwapService service, SecurityIdentity identity, JsonWebToken jwt) {
        this.service = service;
        this.identity = identity;
        this.jwt = jwt;
    }

    /** 201 when this call started the swap, 200 when it already existed for the same reservation. */
    @PUT
    @Path("/{swap_id}/start")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN, Roles.SERVICE })
    public Uni<Response> start(@PathParam("swap_id") @Pattern(regexp = ID) String swapId,
            @NotNull @Valid StartSwapRequest request, @Context HttpHeaders headers) {
        StartSwap command = new StartSwap(swapId, request.reservationId(), request.userId(), request.userName(),
                request.stationId(), request.staffId(), request.batterySohMin());
        return service.start(caller(headers), command).map(started -> Response
                .status(started.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(SwapResponse.of(started.swap())).build());
    }

    @POST
    @Path("/complete")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    public Uni<SwapResponse> complete(@NotNull @Valid CompleteSwapRequest request, @Context HttpHeaders headers) {
        CompleteSwap command = new CompleteSwap(request.swapId(), request.oldBatteryId(), request.newBatteryId(),
                request.oldBatterySoh(), request.faulty(), request.swapDurationSeconds(), request.notes());
        return service.complete(caller(headers), command).map(SwapResponse::of);
    }

    @GET
    @Path("/{swap_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.ADMIN })
    public Uni<SwapResponse> get(@PathParam("swap_id") @Pattern(regexp = ID) String swapId,
            @Context HttpHeaders headers) {
        return service.get(caller(headers), swapId).map(SwapResponse::of);
    }

    @GET
    @Path("/user/{user_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.ADMIN })
    public Uni<SwapPageResponse> history(@PathParam("user_id") @Pattern(regexp = ID) String userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context HttpHeaders headers) {
        return service.history(caller(headers), userId, page, size).map(p -> SwapPageResponse.of(userId, p));
    }

    private Caller caller(HttpHeaders headers) {
        return new Caller(jwt.getSubject(), identity.getRoles(), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(RequestIds.HEADER));
    }
}
