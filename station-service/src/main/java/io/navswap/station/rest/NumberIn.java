package io.navswap.station.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter taken as text that must be a finite number in a range. Numeric query parameters are
 * declared as strings on purpose: Jakarta REST answers a value that does not convert with 404, and bad input
 * must be a 400 problem listing the field.
 */
@Documented
@Constraint(validatedBy = NumberIn.Validator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NumberIn {
    double min();

    double max();

    /** Whether {@code min} itself is allowed. */
    boolean minInclusive() default true;

    /** Whole numbers only. */
    boolean integer() default false;

    String message() default "must be a number between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NumberIn, String> {
        private NumberIn bounds;

        @Override
        public void initialize(NumberIn bounds) {
            this.bounds = bounds;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Double number = QueryNumbers.parse(value);
            if (number == null || (bounds.integer() && number != Math.rint(number))) {
                return false;
            }
            boolean aboveMin = bounds.minInclusive() ? number >= bounds.min() : number > bounds.min();
            return aboveMin && number <= bounds.max();
        }
    }
}
