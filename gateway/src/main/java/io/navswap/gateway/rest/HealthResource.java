package io.navswap.gateway.rest;

import io.navswap.gateway.service.ServiceHealth;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class HealthResource {
    private final ServiceHealth health;

    HealthResource(ServiceHealth health) {
        this.health = health;
    }

    @GET
    @PermitAll
    @Operation(summary = "Readiness of every service", description = "200 when all are ready, 503 otherwise; "
            + "each service is asked for /q/health/ready in parallel with a short timeout.")
    public Uni<RestResponse<ServiceHealth.Report>> health() {
        return health.check().map(report -> RestResponse.status(
                report.up() ? RestResponse.Status.OK : RestResponse.Status.SERVICE_UNAVAILABLE, report));
    }
}
