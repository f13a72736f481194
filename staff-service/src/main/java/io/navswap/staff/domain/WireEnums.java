package io.navswap.staff.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as lower-case snake_case words in JSON and query strings. */
public final class WireEnums {
    private WireEnums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
