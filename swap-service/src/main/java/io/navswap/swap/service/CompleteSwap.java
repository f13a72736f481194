package io.navswap.swap.service;

/** What the staff member reports at the counter when the batteries have been exchanged. */
public record CompleteSwap(
        String swapId,
        String oldBatteryId,
        String newBatteryId,
        Double oldBatterySoh,
        boolean faulty,
        int swapDurationSeconds,
        String notes) {
}
