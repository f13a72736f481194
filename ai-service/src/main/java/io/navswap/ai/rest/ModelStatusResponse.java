package io.navswap.ai.rest;

import io.navswap.ai.domain.ModelState;
import java.util.List;

public record ModelStatusResponse(int loaded, int fallback, List<ModelState> models) {
}
