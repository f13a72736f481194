package io.navswap.station.rest;

import io.navswap.shared.http.RequestIds;
import io.navswap.shared.security.Roles;
import io.navswap.station.service.RecommendationService;
import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/recommend")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendResource {
    static final int TOP = 3;

    private final RecommendationService recommendations;

    RecommendResource(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @POST
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN })
    @Operation(summary = "Top 3 stations by 0.30·distance + 0.40·queue + 0.30·time, with the breakdown")
    public Uni<RecommendResponse> recommend(@NotNull @Valid RecommendRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        return recommendations.recommend(request, TOP, authorization, requestId);
    }

    @POST
    @Path("/optimal")
    @RolesAllowed({ Roles.CONSUMER, Roles.STAFF, Roles.TRANSPORTER, Roles.ADMIN })
    @Operation(summary = "The single best station; 404 no-suitable-station when none in range has a suitable battery")
    public Uni<Recommendation> optimal(@NotNull @Valid RecommendRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        return recommendations.recommend(request, 1, authorization, requestId).map(response -> {
            if (response.recommendations().isEmpty()) {
                throw new ProblemException(404, "no-suitable-station", "No suitable station",
                        "No active station within " + response.maxDistanceKm()
                                + " km has a charged battery meeting the requested SOH");
            }
            return response.recommendations().get(0);
        });
    }
}
