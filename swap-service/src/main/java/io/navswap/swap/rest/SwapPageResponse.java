package io.navswap.swap.rest;

import io.navswap.swap.service.SwapPage;
import java.util.List;

/** {@code GET /swap/user/{user_id}}: one page, newest first, and the rider's total number of swaps. */
public record SwapPageResponse(String userId, int page, int size, long total, List<SwapResponse> items) {

    public static SwapPageResponse of(String userId, SwapPage page) {
        return new SwapPageResponse(userId, page.page(), page.size(), page.total(),
                page.items().stream().map(SwapResponse::of).toList());
    }
}
