package io.navswap.swap.client;

/**
 * Another service refused a request with a 4xx problem: a business answer (battery not charged, unknown
 * battery), not an outage. Never retried and never counted by a circuit breaker.
 */
public class UpstreamProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    public UpstreamProblem(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The suffix of the problem {@code type}, e.g. {@code battery-not-charged}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
