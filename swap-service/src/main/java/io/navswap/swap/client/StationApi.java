package io.navswap.swap.client;

import io.navswap.shared.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * station-service, as far as swap-service needs it. The caller's token and request id are passed explicitly:
 * the call happens further down a reactive chain, where implicit header propagation is not dependable.
 */
@RegisterRestClient(configKey = "station")
@RegisterProvider(ProblemResponseMapper.class)
@Path("/batteries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface StationApi {

    @POST
    @Path("/exchange")
    Uni<ExchangeResult> exchange(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId, ExchangeRequest request);
}
