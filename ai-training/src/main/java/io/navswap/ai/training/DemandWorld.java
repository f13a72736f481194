package io.navswap.ai.training;

/**
 * The assumptions behind the synthetic swap demand (documented in ai-service/MODEL-REPORT.md):
 * <ul>
 * <li>daily curve: on weekdays a morning commute peak (~08:45), a lunch shoulder and a stronger evening peak
 * (~18:45); on weekends one broad midday hump and a smaller evening one; nights are quiet;</li>
 * <li>weekly: Friday evening +10 %, Sunday -10 %;</li>
 * <li>per city: a demand multiplier (Mumbai and Delhi busiest, Ahmedabad least) and a peak shift of up to
 * 45 minutes (Bangalore's commutes run later, Kolkata's earlier);</li>
 * <li>station size: demand scales with capacity (a 24-slot station is the reference);</li>
 * <li>events (festival, match, concert) +45 %; rain -20 % (fewer two-wheeler trips).</li>
 * </ul>
 */
final class DemandWorld {
    static final int[] CAPACITIES = { 16, 20, 24, 30, 36 };
    private static final double[] CITY_MULTIPLIER = { 1.25, 1.30, 1.20, 1.00, 0.95, 0.90, 0.85, 0.80 };
    private static final double[] PEAK_SHIFT_HOURS = { 0.0, 0.5, 0.75, 0.25, -0.25, 0.25, -0.5, 0.0 };
    private static final double REFERENCE_SWAPS_PER_HOUR = 5.5;

    private DemandWorld() {
    }

    static int cities() {
        return CITY_MULTIPLIER.length;
    }

    /** Gaussian bump on the 24-hour circle. */
    static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return StrictMath.exp(-d * d / (2 * width * width));
    }

    /** Relative demand in an hour (1 = average busy hour); {@code dayOfWeek} 1 = Monday .. 7 = Sunday. */
    static double shape(int city, double hour, int dayOfWeek) {
        double h = hour - PEAK_SHIFT_HOURS[city];
        double shape;
        if (dayOfWeek <= 5) {
            shape = 0.25 + 1.6 * bump(h, 8.75, 1.3) + 0.6 * bump(h, 13.0, 2.2) + 1.9 * bump(h, 18.75, 1.5);
        } else {
            shape = 0.35 + 1.1 * bump(h, 12.5, 3.2) + 0.8 * bump(h, 19.5, 1.8);
        }
        if (dayOfWeek == 5 && h >= 16) {
            shape *= 1.10;
        }
        if (dayOfWeek == 7) {
            shape *= 0.90;
        }
        return shape;
    }

    /** Expected swaps per hour at a station. */
    static double demand(int city, int capacity, double hour, int dayOfWeek, boolean event, boolean raining) {
        return REFERENCE_SWAPS_PER_HOUR * CITY_MULTIPLIER[city] * (capacity / 24.0) * shape(city, hour, dayOfWeek)
                * (event ? 1.45 : 1.0) * (raining ? 0.80 : 1.0);
    }

    /** Expected swaps over the {@code hours} starting at {@code hour} (rolling over midnight). */
    static double demandOver(int city, int capacity, int hour, int dayOfWeek, double hours) {
        double total = 0;
        int whole = (int) Math.floor(hours);
        for (int t = 0; t < whole; t++) {
            total += demand(city, capacity, (hour + t) % 24, rollDay(dayOfWeek, hour + t), false, false);
        }
        double part = hours - whole;
        if (part > 0) {
            total += part * demand(city, capacity, (hour + whole) % 24, rollDay(dayOfWeek, hour + whole), false, false);
        }
        return total;
    }

    /** Average hourly demand over a whole week: what a station's history shows. */
    static double weeklyAverage(int city, int capacity) {
        double total = 0;
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                total += demand(city, capacity, hour, day, false, false);
            }
        }
        return total / 168;
    }

    static int rollDay(int dayOfWeek, int hoursFromMidnight) {
        return ((dayOfWeek - 1 + hoursFromMidnight / 24) % 7) + 1;
    }
}
