package io.navswap.queue.rest;

import io.navswap.queue.service.QrImageRenderer;
import io.navswap.queue.service.QrVerificationService;
import io.navswap.queue.service.QueueMetrics;
import io.navswap.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/qr")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "qr", description = "Signed single-use QR tokens")
public class QrResource {
    private final QrVerificationService qr;
    private final Callers callers;
    private final QueueMetrics metrics;

    QrResource(QrVerificationService qr, Callers callers, QueueMetrics metrics) {
        this.qr = qr;
        this.callers = callers;
        this.metrics = metrics;
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Scan a QR at the counter: staff on duty at that station (or admin); starts the swap")
    public Uni<VerifyResponse> verify(@Valid @NotNull VerifyRequest request) {
        return qr.verify(callers.current(), request.qrToken(), request.stationId())
                .onItemOrFailure().invoke((item, failure) -> metrics.verify(failure))
                .map(VerifyResponse::of);
    }

    @GET
    @Path("/generate-image/{token}")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "The owner's QR token as a scannable PNG (base64)")
    public Uni<QrImageResponse> image(@PathParam("token") @Size(min = 1, max = 2048) String token) {
        return qr.image(callers.current(), token).map(image -> new QrImageResponse(image.token(),
                Base64.getEncoder().encodeToString(image.png()), QrImageRenderer.CONTENT_TYPE));
    }
}
