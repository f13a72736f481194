package io.navswap.station.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** {@code closeTo} for whatever number type JSON paths answer (RestAssured gives floats). */
public final class Near {
    private Near() {
    }

    public static Matcher<Number> near(double expected, double tolerance) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Number actual) {
                return Math.abs(actual.doubleValue() - expected) <= tolerance;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number within " + tolerance + " of " + expected);
            }
        };
    }
}
