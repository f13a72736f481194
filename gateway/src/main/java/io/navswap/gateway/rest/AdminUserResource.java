package io.navswap.gateway.rest;

import io.navswap.gateway.rest.AuthDtos.UserPage;
import io.navswap.gateway.rest.AuthDtos.UserView;
import io.navswap.gateway.service.AccountService;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "User administration")
public class AdminUserResource {
    private final AccountService accounts;

    AdminUserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List users, optionally of one role (page is 0-based, size 1-100, ordered by id)")
    public Uni<UserPage> list(
            @QueryParam("role") @Pattern(regexp = "consumer|staff|transporter|admin",
                    message = "must be one of consumer, staff, transporter, admin") String role,
            // Strings, so that "page=abc" is a 400 listing the field rather than JAX-RS' bare 404.
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = "\\d{1,6}",
                    message = "must be a whole number from 0") String page,
            @QueryParam("size") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-9]\\d|100",
                    message = "must be a whole number from 1 to 100") String size) {
        int pageIndex = Integer.parseInt(page);
        int pageSize = Integer.parseInt(size);
        return accounts.list(role, pageIndex, pageSize).map(result -> new UserPage(
                result.users().stream().map(UserView::of).toList(), pageIndex, pageSize, result.total()));
    }
}
