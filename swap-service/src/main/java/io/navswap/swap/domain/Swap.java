package io.navswap.swap.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One battery swap at a station counter. Created when the rider's QR code is verified ({@link SwapStatus#STARTED}),
 * completed once the station has exchanged the batteries. The {@code outbox} carries the events of the last
 * change until the relay has published them, so a change and its event are one single-document write.
 */
@MongoEntity(collection = "swaps")
public class Swap {
    @BsonId
    public String id;
    public String reservationId;
    public String userId;
    public String userName;
    public String stationId;
    /** The staff member who verified the QR code and started the swap. */
    public String staffId;
    /** The reservation's minimum state of health for the new battery; null means no minimum. */
    public Double batterySohMin;
    public SwapStatus status;
    public Instant startedAt;
    public Instant completedAt;
    /** Who completed the swap at the counter (staff on duty there, or an admin). */
    public String completedBy;
    public String oldBatteryId;
    public String newBatteryId;
    public Double oldBatterySoh;
    public Boolean faulty;
    /** Where station-service put the returned battery: {@code charging} or {@code quarantined}. */
    public String oldBatteryStatus;
    public Boolean quarantined;
    public Integer swapDurationSeconds;
    public String notes;
    public Integer loyaltyCredits;
    /** Why the swap failed, when it did. */
    public String failureReason;
    public Instant failedAt;
    /** Incremented by every change. */
    public long version;
    public List<OutboxEntry> outbox = new ArrayList<>();

    /** A repeated completion is the same completion when it names the same two batteries. */
    public boolean completedWith(String oldBattery, String newBattery) {
        return status == SwapStatus.COMPLETED && oldBattery.equals(oldBatteryId) && newBattery.equals(newBatteryId);
    }
}
