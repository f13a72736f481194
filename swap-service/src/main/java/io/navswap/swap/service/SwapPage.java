package io.navswap.swap.service;

import io.navswap.swap.domain.Swap;
import java.util.List;

/** One page of a rider's swaps, newest first, with the total count. */
public record SwapPage(List<Swap> items, int page, int size, long total) {
}
