package io.navswap.shared.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

/**
 * Takes {@code X-Request-Id} from the caller (the gateway sets it) or makes one, puts it in the
 * logging context of this request and echoes it in the response.
 */
@Singleton
public class RequestIdFilter {
    /** Runs before authentication and routing so that even a rejected request is traceable. */
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
            rc.request().headers().set(RequestIds.HEADER, id);
            rc.put(RequestIds.MDC_KEY, id);
            MDC.put(RequestIds.MDC_KEY, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            rc.next();
        }, PRIORITY);
    }
}
