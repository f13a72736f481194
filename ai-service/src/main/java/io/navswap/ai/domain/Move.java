package io.navswap.ai.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Move {@code count} batteries (or staff) from station {@code from} to station {@code to}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Move(String from, String to, int count, Double distanceKm) {
}
