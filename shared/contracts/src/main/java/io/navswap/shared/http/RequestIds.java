package io.navswap.shared.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/** The request id convention: header {@code X-Request-Id}, log key {@code request_id}. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** A caller-supplied id is kept only if it is short and printable, so it cannot forge log lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String supplied) {
        return supplied != null && ACCEPTABLE.matcher(supplied).matches() ? supplied : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
