package io.navswap.ai.rest;

import io.navswap.ai.domain.ReloadOutcome;
import java.util.List;

/** {@code refused}: how many files were rejected (the model that served before keeps serving). */
public record ReloadResponse(int loaded, int fallback, int refused, List<ReloadOutcome> models) {
}
