package io.navswap.station.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.station.rest.StationStatusView.StaffMember;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Who is on duty at a station, from staff-service. Bounded by an 800 ms timeout, one retry on connection
 * failures and timeouts (the call is a read), a circuit breaker (opens at 50 % failures of the last 10 calls,
 * half-opens after 10 s); the fallback is {@link Optional#empty()}: "not known", never an invented list.
 */
@ApplicationScoped
public class StaffDirectory {
    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);

    private final StaffClient client;

    StaffDirectory(@RestClient StaffClient client) {
        this.client = client;
    }

    @AsynchronousNonBlocking
    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, delayUnit = ChronoUnit.MILLIS,
            retryOn = { ProcessingException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "notKnown")
    public Uni<Optional<List<StaffMember>>> onDuty(String stationId, String authorization, String requestId) {
        return client.onDuty(stationId, authorization, requestId).map(StaffDirectory::parse).map(Optional::of);
    }

    Uni<Optional<List<StaffMember>>> notKnown(String stationId, String authorization, String requestId,
            Throwable failure) {
        LOG.warnf("Staff on duty at %s not known: %s", stationId, failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    static List<StaffMember> parse(JsonNode answer) {
        JsonNode list = JsonFields.array(answer, "staff", "on_duty", "staff_on_duty", "items", "assignments");
        if (list == null) {
            throw new IllegalStateException("staff-service answer has no list of staff");
        }
        List<StaffMember> staff = new ArrayList<>();
        for (JsonNode member : list) {
            if (member.isTextual()) {
                staff.add(new StaffMember(member.asText(), null));
            } else if (member.isObject()) {
                String id = JsonFields.text(member, "staff_id", "user_id", "id");
                if (id != null) {
                    staff.add(new StaffMember(id, JsonFields.text(member, "name", "staff_name", "user_name")));
                }
            }
        }
        return staff;
    }
}
