package io.navswap.gateway.rest;

import io.navswap.gateway.rest.AuthDtos.LoginRequest;
import io.navswap.gateway.rest.AuthDtos.LoginResponse;
import io.navswap.gateway.rest.AuthDtos.RegisterRequest;
import io.navswap.gateway.rest.AuthDtos.UserSummary;
import io.navswap.gateway.rest.AuthDtos.UserView;
import io.navswap.gateway.service.AccountService;
import io.navswap.gateway.service.LoginThrottledException;
import io.navswap.shared.problem.ProblemResponses;
import io.navswap.shared.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Sign-up, sign-in and the caller's account")
public class AuthResource {
    private final AccountService accounts;
    private final CurrentIdentityAssociation identity;
    private final JsonWebToken jwt;

    AuthResource(AccountService accounts, CurrentIdentityAssociation identity, JsonWebToken jwt) {
        this.accounts = accounts;
        this.identity = identity;
        this.jwt = jwt;
    }

    @POST
    @Path("/register")
    @PermitAll
    @Operation(summary = "Create an account", description = "Riders sign themselves up (role consumer, the default); "
            + "staff, transporter and admin accounts need an admin bearer token.")
    public Uni<RestResponse<UserView>> register(@Valid @NotNull RegisterRequest request) {
        return accounts.register(request.email(), request.password(), request.name(), request.role(),
                        identity::getDeferredIdentity)
                .map(user -> RestResponse.status(RestResponse.Status.CREATED, UserView.of(user)));
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Sign in", description = "Answers an RS256 access token (at most 1 h) for the bearer scheme. "
            + "Repeated failures for one email are throttled (429 with Retry-After).")
    public Uni<LoginResponse> login(@Valid @NotNull LoginRequest request) {
        return accounts.login(request.email(), request.password())
                .map(result -> new LoginResponse(result.token().token(), "Bearer", result.token().expiresInSeconds(),
                        UserSummary.of(result.user())));
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN })
    @Operation(summary = "The signed-in user")
    public Uni<UserView> me() {
        return accounts.byId(jwt.getSubject()).map(UserView::of);
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e, UriInfo uri) {
        Response problem = ProblemResponses.of(e.status(), e.slug(), e.title(), e.getMessage(), uri.getPath());
        return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
    }
}
