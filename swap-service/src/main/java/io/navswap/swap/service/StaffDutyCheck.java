package io.navswap.swap.service;

import io.navswap.shared.problem.ProblemException;
import io.navswap.shared.security.OnDutyMemory;
import io.navswap.swap.client.StaffClient;
import io.navswap.swap.client.UpstreamProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** "Staff act only at stations they are on duty at" (SPEC §Security), asked of staff-service. Admins always pass. */
@ApplicationScoped
public class StaffDutyCheck {
    private static final Logger LOG = Logger.getLogger(StaffDutyCheck.class);

    private final StaffClient staff;
    private final OnDutyMemory recent;

    StaffDutyCheck(StaffClient staff, OnDutyMemory recent) {
        this.staff = staff;
        this.recent = recent;
    }

    /** Fails with 403 {@code staff-not-on-duty} unless the caller is an admin or on duty at {@code stationId}. */
    public Uni<Void> requireOnDuty(Caller caller, String stationId) {
        if (caller.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return isOnDuty(caller, stationId).invoke(onDuty -> {
            if (!onDuty) {
                throw new ProblemException(403, "staff-not-on-duty", "Not on duty here",
                        "Staff " + caller.userId() + " is not on duty at station " + stationId);
            }
        }).replaceWithVoid();
    }

    /**
     * staff-service's answer (or, while it is unreachable, its last answer). An unknown staff member or station
     * (404) is simply not on duty; any other refusal means the check could not be made. A recent confirmation
     * ({@link OnDutyMemory}, fed by {@link StaffClient}) is taken without asking, and renewed in the background
     * when it is due.
     */
    public Uni<Boolean> isOnDuty(Caller caller, String stationId) {
        if (recent.confirmed(stationId, caller.userId(), () -> ask(caller, stationId))) {
            return Uni.createFrom().item(true);
        }
        return ask(caller, stationId);
    }

    private Uni<Boolean> ask(Caller caller, String stationId) {
        return staff.onDuty(caller.authorization(), caller.requestId(), stationId, caller.userId())
                .onFailure(UpstreamProblem.class).recoverWithUni(failure -> {
                    UpstreamProblem problem = (UpstreamProblem) failure;
                    if (problem.status() == 404) {
                        return Uni.createFrom().item(false);
                    }
                    LOG.warnf("staff-service refused the on-duty check for %s at %s: %d %s", caller.userId(),
                            stationId, problem.status(), problem.getMessage());
                    return Uni.createFrom().failure(new ProblemException(503, "staff-check-unavailable",
                            "Staff check unavailable", "staff-service did not answer whether " + caller.userId()
                                    + " is on duty at " + stationId));
                });
    }
}
