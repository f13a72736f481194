package io.navswap.shared.problem;

/** One invalid field of a request, as listed in a validation problem. */
public record FieldError(String field, String message) {
}
