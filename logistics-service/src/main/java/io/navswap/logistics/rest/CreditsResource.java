package io.navswap.logistics.rest;

import io.navswap.logistics.service.CreditLedger;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Credits balance and ledger entries of one user (the owner, or an admin). */
@Path("/credits")
@Produces(MediaType.APPLICATION_JSON)
public class CreditsResource {
    private final CreditLedger ledger;
    private final Callers callers;

    CreditsResource(CreditLedger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @GET
    @Path("/{user_id}")
    @RolesAllowed({ Roles.CONSUMER, Roles.TRANSPORTER, Roles.STAFF, Roles.ADMIN })
    public Uni<Responses.Credits> credits(
            @PathParam("user_id") @Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return ledger.account(callers.current(), userId, page, size)
                .map(a -> new Responses.Credits(a.userId(), a.balance(), a.entryCount(), a.page(), a.size(),
                        a.entries().stream().map(Responses.CreditEntryView::of).toList()));
    }
}
