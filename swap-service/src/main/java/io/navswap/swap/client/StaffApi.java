package io.navswap.swap.client;

import io.navswap.shared.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** staff-service, as far as swap-service needs it: is this staff member on duty at this station now? */
@RegisterRestClient(configKey = "staff")
@RegisterProvider(ProblemResponseMapper.class)
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public interface StaffApi {

    @GET
    @Path("/on-duty")
    Uni<OnDutyAnswer> onDuty(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @QueryParam("station_id") String stationId, @QueryParam("staff_id") String staffId);
}
