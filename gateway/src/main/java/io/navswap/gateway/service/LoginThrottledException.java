package io.navswap.gateway.service;

import io.navswap.shared.problem.ProblemException;

/** Too many failed logins for one email: 429 with the seconds until the window passes. */
public class LoginThrottledException extends ProblemException {
    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(429, "login-throttled", "Too many failed logins",
                "Too many failed logins for this account; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
