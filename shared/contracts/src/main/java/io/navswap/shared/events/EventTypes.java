package io.navswap.shared.events;

/**
 * Event type names, {@code <aggregate>.<past-tense verb>}, grouped by topic. A consumer handles the types
 * it knows and skips the others.
 */
public final class EventTypes {
    // navswap.swaps: data = ReservationChanged, key = station:<station_id>
    public static final String RESERVATION_CONFIRMED = "reservation.confirmed";
    public static final String RESERVATION_APPROACHING = "reservation.approaching";
    public static final String RESERVATION_ARRIVED = "reservation.arrived";
    /** QR verified: the reservation is in progress and carries its swap id. */
    public static final String RESERVATION_STARTED = "reservation.started";
    public static final String RESERVATION_COMPLETED = "reservation.completed";
    public static final String RESERVATION_CANCELLED = "reservation.cancelled";
    public static final String RESERVATION_EXPIRED = "reservation.expired";
    public static final String RESERVATION_FAILED = "reservation.failed";
    // navswap.swaps: data = SwapCompleted, key = station:<station_id>
    public static final String SWAP_COMPLETED = "swap.completed";

    // navswap.location: data = LocationUpdated / GeofenceCrossed, key = user:<user_id>
    public static final String LOCATION_UPDATED = "location.updated";
    public static final String GEOFENCE_CROSSED = "geofence.crossed";

    // navswap.jobs: data = InventoryChanged, key = station:<station_id>
    public static final String INVENTORY_CHANGED = "inventory.changed";
    // navswap.jobs: data = TransportJobChanged, key = job:<job_id>
    public static final String JOB_CREATED = "job.created";
    public static final String JOB_ACCEPTED = "job.accepted";
    public static final String JOB_RELEASED = "job.released";
    public static final String JOB_PICKED_UP = "job.picked_up";
    public static final String JOB_DELIVERED = "job.delivered";
    public static final String JOB_CANCELLED = "job.cancelled";

    // navswap.faults: data = FaultRecorded, key = battery:<battery_id>
    public static final String FAULT_RECORDED = "fault.recorded";
    // navswap.faults: data = FaultDiagnosed, key = battery:<battery_id>
    public static final String FAULT_DIAGNOSED = "fault.diagnosed";
    // navswap.faults: data = TicketChanged, key = battery:<battery_id>
    public static final String TICKET_OPENED = "ticket.opened";
    public static final String TICKET_RESOLVED = "ticket.resolved";

    private EventTypes() {
    }
}
