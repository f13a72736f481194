package io.navswap.ai.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a (re)load did for one model.
 *
 * @param outcome {@code loaded} (a new file serves), {@code unchanged}, {@code refused} (the file was
 *                rejected; {@code state} says what serves now), {@code disabled} (fallback by ops' choice) or
 *                {@code missing} (no file at all)
 * @param state   {@code loaded} or {@code fallback} after the reload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadOutcome(String model, String outcome, String state, String origin, String version,
        String reason) {
}
