package io.navswap.station.rest;

import io.navswap.shared.security.Roles;
import io.navswap.station.service.PartnerShopService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partner-shops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner shops")
public class PartnerShopResource {
    private final PartnerShopService shops;

    PartnerShopResource(PartnerShopService shops) {
        this.shops = shops;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Partner shops with stock against capacity")
    public Uni<List<PartnerShopView>> list(@QueryParam("city") @Size(max = 64) String city) {
        return shops.list(city);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One partner shop with stock against capacity")
    public Uni<PartnerShopView> get(@PathParam("id") String id) {
        return shops.get(id);
    }
}
