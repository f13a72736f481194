package io.navswap.station.rest;

/** Reads the numeric query parameters that {@link NumberIn} validated. */
final class QueryNumbers {
    private QueryNumbers() {
    }

    /** The number in {@code value}, or {@code null} when it is absent or not a finite number. */
    static Double parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
